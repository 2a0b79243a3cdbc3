package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventsource.kafka.KafkaBroker;
import java.util.List;
import java.util.Map;

/**
 * kafka.yaml against a KRaft broker in this JVM: {@code url} becomes its address, and the example's topic is
 * created with enough partitions for its {@code partition} (topics are not auto-created). One record to that
 * partition (the example has no consumerGroup, so it reads that partition from the newest offset).
 */
final class KafkaRig implements ExampleRig {
  private final KafkaBroker kafka = KafkaBroker.start();

  KafkaRig() throws Exception {}

  @Override
  public void connect(ObjectNode entries) throws Exception {
    for (JsonNode entry : entries) {
      ((ObjectNode) entry).put("url", kafka.bootstrap());
      kafka.createTopic(entry.path("topic").asText(), partition(entry) + 1);
    }
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return null;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    return List.of(() -> kafka.send(entry.path("topic").asText(), partition(entry), "key-" + eventName,
        body(eventName), Map.of("trace", "t-" + eventName)));
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    assertThat(ExampleRig.fields(data)).containsExactly("topic", "key", "partition", "body", "timestamp", "headers");
    assertThat(data.get("topic").asText()).isEqualTo(entry.path("topic").asText());
    assertThat(data.get("key").asText()).isEqualTo("key-" + eventName);
    assertThat(data.get("partition").asInt()).isEqualTo(partition(entry));
    assertThat(data.get("body")).isEqualTo(ExampleRig.body(entry, body(eventName)));
    assertThat(data.get("headers").toString()).isEqualTo("{\"trace\":\"t-" + eventName + "\"}");
    // KafkaAdapterIT's format: Go's time.Time String()
    assertThat(data.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC");
  }

  private static int partition(JsonNode entry) {
    return Integer.parseInt(entry.path("partition").asText("0"));
  }

  private static String body(String eventName) {
    return "{\"example\": \"" + eventName + "\"}";
  }

  @Override
  public void close() {
    kafka.close();
  }
}
