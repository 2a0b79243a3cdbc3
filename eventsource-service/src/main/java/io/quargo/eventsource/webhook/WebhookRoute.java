package io.quargo.eventsource.webhook;

import java.util.Map;

/**
 * One webhook event of an EventSource ({@code spec.webhook.<eventName>}), ready to serve.
 *
 * @param namespace the EventSource's namespace, the second token of the bus subject
 * @param eventSource the EventSource name: the CloudEvent {@code source}
 * @param eventName the map key: the CloudEvent {@code subject}
 * @param endpoint the path, always starting with {@code /}
 * @param method the one HTTP method accepted, upper case
 * @param port the TCP port; routes with the same port share one HTTP server
 * @param maxPayloadSize the largest body accepted, in bytes
 * @param metadata copied into {@code data.metadata}
 * @param filter the {@code filter.expression}, or null to publish everything
 * @param authToken the bearer token required, or null for none; never printed
 * @param receiver what the EventSource type does with a request: checks, data shape, event id
 * @param tls the certificate the port serves HTTPS with, or null for plain HTTP
 */
public record WebhookRoute(
    String namespace,
    String eventSource,
    String eventName,
    String endpoint,
    String method,
    int port,
    long maxPayloadSize,
    Map<String, String> metadata,
    EventFilter filter,
    String authToken,
    WebhookReceiver receiver,
    WebhookTls tls) {

  /** Argo's default {@code maxPayloadSize}: 1 MiB. */
  public static final long DEFAULT_MAX_PAYLOAD_SIZE = 1_048_576;

  public WebhookRoute {
    metadata = Map.copyOf(metadata);
  }

  /** A plain-HTTP route. */
  public WebhookRoute(String namespace, String eventSource, String eventName, String endpoint, String method, int port,
      long maxPayloadSize, Map<String, String> metadata, EventFilter filter, String authToken,
      WebhookReceiver receiver) {
    this(namespace, eventSource, eventName, endpoint, method, port, maxPayloadSize, metadata, filter, authToken,
        receiver, null);
  }

  /**
   * This route's endpoint serving another EventSource type (github, gitlab): its receiver, metadata and
   * filter replace the webhook's, and there is no bearer token (those types authenticate on their own).
   */
  public WebhookRoute servedBy(WebhookReceiver other, Map<String, String> otherMetadata, EventFilter otherFilter) {
    return new WebhookRoute(namespace, eventSource, eventName, endpoint, method, port, maxPayloadSize, otherMetadata,
        otherFilter, null, other, tls);
  }

  /** The JSON path of one of this route's fields in its EventSource, e.g. {@code spec.webhook.push.endpoint}. */
  public String where(String field) {
    return "spec." + receiver.type() + "." + eventName + "." + field;
  }

  /** {@code <namespace>/<eventSource>/<eventName>}, for messages. */
  public String ref() {
    return namespace + "/" + eventSource + "/" + eventName;
  }

  @Override
  public String toString() {
    return "WebhookRoute[" + receiver.type() + " " + ref() + " " + method + " :" + port + endpoint
        + (authToken != null ? " (bearer token required)" : "") + (tls != null ? " (https)" : "") + "]";
  }
}
