package io.quargo.eventsource.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.eventsource.webhook.DeliveryIds;
import io.quargo.eventsource.webhook.Reception;
import io.quargo.eventsource.webhook.WebhookPayload;
import io.quargo.eventsource.webhook.WebhookReceiver;
import io.quargo.eventsource.webhook.WebhookRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/**
 * The {@code gitlab} type on its webhook route. As Argo: with a {@code secretToken} the {@code X-Gitlab-Token}
 * header must equal it (else 400 "token mismatch"), the body must be JSON, and data is
 * {@code {"headers", "body", "metadata"}}. Requests whose {@code X-Gitlab-Event} is not among {@code events} are
 * answered 200 and not published, as the hook Argo registers would not have sent them. The event id derives from
 * {@code X-Gitlab-Event-UUID}, so a redelivery is deduplicated.
 */
final class GitlabReceiver implements WebhookReceiver {
  static final String EVENT_HEADER = "X-Gitlab-Event";
  static final String UUID_HEADER = "X-Gitlab-Event-UUID";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secretToken;
  private final Set<String> headers;
  private final Map<String, String> metadata;

  /**
   * @param secretToken the expected {@code X-Gitlab-Token}, or null for none
   * @param headers the {@code X-Gitlab-Event} values to publish; empty publishes every event
   */
  GitlabReceiver(String secretToken, Set<String> headers, Map<String, String> metadata) {
    this.secretToken = secretToken;
    this.headers = Set.copyOf(headers);
    this.metadata = Map.copyOf(metadata);
  }

  @Override
  public String type() {
    return "gitlab";
  }

  @Override
  public Reception receive(WebhookRequest request) {
    if (secretToken != null) {
      String given = request.header("X-Gitlab-Token");
      if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
          secretToken.getBytes(StandardCharsets.UTF_8))) {
        return new Reception.Refused(400, "token mismatch");
      }
    }
    String event = request.header(EVENT_HEADER);
    if (!headers.isEmpty() && (event == null || !headers.contains(event))) {
      return new Reception.Dropped("X-Gitlab-Event '" + event + "' is not among the configured events");
    }
    JsonNode body;
    try {
      body = request.body().length == 0 ? JSON.nullNode() : JSON.readTree(request.body());
    } catch (IOException e) {
      return new Reception.Refused(400, "invalid event: the body is not valid JSON");
    }
    ObjectNode data = JSON.createObjectNode();
    data.set("headers", WebhookPayload.header(request.headers()));
    data.set("body", body);
    if (!metadata.isEmpty()) {
      ObjectNode meta = data.putObject("metadata");
      metadata.forEach(meta::put);
    }
    return new Reception.Accepted(data, DeliveryIds.of(request.route(), request.header(UUID_HEADER)));
  }
}
