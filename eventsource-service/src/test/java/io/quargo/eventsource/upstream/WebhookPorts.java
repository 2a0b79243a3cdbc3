package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The webhook examples' ports (12000, 13000) moved to free ones, entries sharing a port keeping one server; and
 * requests sent to an entry's endpoint with its method.
 */
final class WebhookPorts {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final Map<String, Integer> moved = new HashMap<>();

  /** Rewrites {@code webhook.port}, the example's only connection point of an HTTP source. */
  void move(ObjectNode webhook) {
    int port = moved.computeIfAbsent(webhook.path("port").asText(), upstream -> freePort());
    webhook.put("port", String.valueOf(port));
  }

  /** Sends {@code body} as the entry's {@code webhook} asks (port, endpoint, method); expects a 200. */
  static void send(JsonNode webhook, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhook.path("port").asText()
            + webhook.path("endpoint").asText()))
        .method(webhook.path("method").asText("POST"), HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    headers.forEach(request::header);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s answered %s", webhook.path("method").asText(),
        webhook.path("endpoint").asText(), response.body()).isEqualTo(200);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
