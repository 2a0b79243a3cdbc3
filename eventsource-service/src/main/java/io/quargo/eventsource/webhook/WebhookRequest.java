package io.quargo.eventsource.webhook;

import java.util.List;
import java.util.Map;

/**
 * One request as a {@link WebhookReceiver} sees it.
 *
 * @param route the route it arrived on
 * @param method the HTTP method, upper case
 * @param headers the headers in arrival order, names as sent
 * @param rawQuery the query string without {@code ?}, or null
 * @param body the whole body
 */
public record WebhookRequest(WebhookRoute route, String method, List<Map.Entry<String, String>> headers,
    String rawQuery, byte[] body) {

  /** The first value of a header, compared case-insensitively; null when absent. */
  public String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }
}
