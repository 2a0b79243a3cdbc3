package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import java.util.List;
import java.util.Map;

/** webhook.yaml: {@code port} becomes a free port; one JSON request to the endpoint with the example's method. */
final class WebhookRig implements ExampleRig {
  private final WebhookPorts ports = new WebhookPorts();

  @Override
  public void connect(ObjectNode entries) {
    entries.forEach(entry -> ports.move((ObjectNode) entry));
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return null;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    return List.of(() -> WebhookPorts.send(entry, Map.of("X-Example", eventName), body(eventName)));
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    assertThat(ExampleRig.fields(data)).containsExactly("header", "body", "metadata"); // WebhookPayloadTest's shape
    assertThat(data.at("/header/X-Example/0").asText()).isEqualTo(eventName);
    assertThat(data.at("/header/Content-Type/0").asText()).isEqualTo("application/json");
    assertThat(data.get("body").toString()).isEqualTo("{\"message\":\"this is my first webhook\",\"event\":\""
        + eventName + "\"}");
    assertThat(data.get("metadata").isNull()).isTrue(); // none configured: Go's nil map
  }

  /** Argo's webhook docs' curl body, plus the event name. */
  private static String body(String eventName) {
    return "{\"message\": \"this is my first webhook\", \"event\": \"" + eventName + "\"}";
  }

  @Override
  public void close() {}
}
