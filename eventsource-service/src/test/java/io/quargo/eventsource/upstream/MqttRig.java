package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventsource.mqtt.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** mqtt.yaml against a private mosquitto: {@code url} becomes its address; a publish to the example's topic. */
final class MqttRig implements ExampleRig {
  private final Mosquitto broker;
  private final Mqtt3BlockingClient sender;

  MqttRig() throws Exception {
    broker = Mosquitto.start();
    // not the example's clientId: that one is the source's session
    sender = MqttClient.builder().useMqttVersion3().identifier("upstream-it-" + UUID.randomUUID())
        .serverHost("127.0.0.1").serverPort(broker.port).buildBlocking();
    sender.connect();
  }

  @Override
  public void connect(ObjectNode entries) {
    entries.forEach(entry -> ((ObjectNode) entry).put("url", broker.url()));
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return null;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    return List.of(() -> sender.publishWith().topic(entry.path("topic").asText()).qos(MqttQos.AT_LEAST_ONCE)
        .payload(body(eventName).getBytes(StandardCharsets.UTF_8)).send());
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    assertThat(ExampleRig.fields(data)).containsExactly("topic", "messageId", "body"); // as MqttAdapterIT
    assertThat(data.get("topic").asText()).isEqualTo(entry.path("topic").asText());
    assertThat(data.get("messageId").isInt()).isTrue();
    assertThat(data.get("body")).isEqualTo(ExampleRig.body(entry, body(eventName)));
  }

  private static String body(String eventName) {
    return "{\"example\": \"" + eventName + "\", \"temperature\": 21}";
  }

  @Override
  public void close() throws Exception {
    try {
      sender.disconnect();
    } finally {
      broker.close();
    }
  }
}
