package io.quargo.eventsource.github;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code github} type on its webhook route. As Argo: the signature is checked when a {@code webhookSecret} is
 * set, the body (JSON, or the {@code payload} field of a form) must be a JSON object, {@code X-GitHub-Event} and
 * {@code X-GitHub-Delivery} are added to it as keys, and data is {@code {"headers", "body", "metadata"}}; an invalid
 * request is a 400. The event id derives from {@code X-GitHub-Delivery}, so a redelivery is deduplicated.
 */
final class GithubReceiver implements WebhookReceiver {
  static final String EVENT_HEADER = "X-GitHub-Event";
  static final String DELIVERY_HEADER = "X-GitHub-Delivery";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secret;
  private final Set<String> events;
  private final Map<String, String> metadata;

  /**
   * @param secret the webhookSecret, or null to accept unsigned requests
   * @param events the {@code events} list; empty or containing {@code *} accepts every event
   */
  GithubReceiver(String secret, Set<String> events, Map<String, String> metadata) {
    this.secret = secret;
    this.events = Set.copyOf(events);
    this.metadata = Map.copyOf(metadata);
  }

  @Override
  public String type() {
    return "github";
  }

  @Override
  public Reception receive(WebhookRequest request) {
    byte[] payload;
    try {
      payload = payload(request);
    } catch (IllegalArgumentException e) {
      return new Reception.Refused(400, e.getMessage());
    }
    String sha256 = request.header("X-Hub-Signature-256");
    String sha1 = request.header("X-Hub-Signature");
    // as go-github: a signature is checked when a secret is set or when the sender signed anyway
    if (secret != null || sha256 != null || sha1 != null) {
      String mismatch = GithubSignature.mismatch(secret == null ? "" : secret, request.body(), sha256, sha1);
      if (mismatch != null) {
        return new Reception.Refused(400, mismatch);
      }
    }
    String event = request.header(EVENT_HEADER);
    if (!wanted(event)) {
      return new Reception.Dropped("X-GitHub-Event '" + event + "' is not in events " + events);
    }
    JsonNode body;
    try {
      body = JSON.readTree(payload);
    } catch (IOException e) {
      return new Reception.Refused(400, "the payload is not valid JSON: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      return new Reception.Refused(400, "the payload must be a JSON object");
    }
    String delivery = request.header(DELIVERY_HEADER);
    ((ObjectNode) body).put(EVENT_HEADER, event == null ? "" : event);
    ((ObjectNode) body).put(DELIVERY_HEADER, delivery == null ? "" : delivery);
    ObjectNode data = JSON.createObjectNode();
    data.set("headers", WebhookPayload.header(request.headers()));
    data.set("body", body);
    if (!metadata.isEmpty()) {
      ObjectNode meta = data.putObject("metadata");
      metadata.forEach(meta::put);
    }
    return new Reception.Accepted(data, DeliveryIds.of(request.route(), delivery));
  }

  /**
   * GitHub sends {@code ping} to every new hook whatever its events; the list otherwise works as it would on a
   * hook Argo registered, so a hand-made hook with more events delivers only those asked for.
   */
  private boolean wanted(String event) {
    return events.isEmpty() || events.contains("*") || "ping".equals(event) || (event != null && events.contains(event));
  }

  /** The JSON GitHub signed: the body itself, or the {@code payload} field of a form post. */
  private static byte[] payload(WebhookRequest request) {
    String contentType = request.header("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    switch (mediaType) {
      case "application/json":
        return request.body();
      case "application/x-www-form-urlencoded":
        JsonNode field = WebhookPayload.form(new String(request.body(), StandardCharsets.UTF_8)).path("payload").path(0);
        if (field.isMissingNode()) {
          throw new IllegalArgumentException("the form has no 'payload' field");
        }
        return field.asText().getBytes(StandardCharsets.UTF_8);
      default:
        throw new IllegalArgumentException("webhook request has unsupported Content-Type \"" + contentType
            + "\"; GitHub sends application/json or application/x-www-form-urlencoded");
    }
  }
}
