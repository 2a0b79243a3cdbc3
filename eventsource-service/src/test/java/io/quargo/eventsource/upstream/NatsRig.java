package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** nats.yaml against the test's nats-server (also the bus): {@code url} becomes its address; a core publish. */
final class NatsRig implements ExampleRig {
  private final NatsTestServer server;
  private final Connection sender;

  NatsRig(NatsTestServer server) throws Exception {
    this.server = server;
    this.sender = Nats.connect(server.url());
  }

  @Override
  public void connect(ObjectNode entries) {
    entries.forEach(entry -> ((ObjectNode) entry).put("url", server.url()));
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return null;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    return List.of(() -> {
      sender.publish(entry.path("subject").asText(), body(eventName).getBytes(StandardCharsets.UTF_8));
      sender.flush(Duration.ofSeconds(10));
    });
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    assertThat(ExampleRig.fields(data)).containsExactly("subject", "body"); // no header: none was sent
    assertThat(data.get("subject").asText()).isEqualTo(entry.path("subject").asText());
    assertThat(data.get("body")).isEqualTo(ExampleRig.body(entry, body(eventName)));
  }

  private static String body(String eventName) {
    return "{\"example\": \"" + eventName + "\"}";
  }

  @Override
  public void close() throws Exception {
    sender.close();
  }
}
