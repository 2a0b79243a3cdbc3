package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventsource.amqp.Rabbit;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * amqp.yaml against the RabbitMQ the amqp ITs use: {@code url} becomes that broker's address; {@code auth}'s
 * secrets are its user and password. The message goes to the example's exchange with its routing key.
 */
final class AmqpRig implements ExampleRig {
  private final Connection rabbit = Rabbit.connect();
  private final URI broker = URI.create(Rabbit.URL);
  private final List<String> exchanges = new ArrayList<>();

  @Override
  public void connect(ObjectNode entries) {
    entries.forEach(entry -> {
      ((ObjectNode) entry).put("url", broker.getScheme() + "://" + broker.getHost() + ":" + broker.getPort()
          + broker.getRawPath());
      exchanges.add(entry.path("exchangeName").asText());
    });
  }

  @Override
  public String secret(String namespace, String name, String key) {
    String[] user = (broker.getUserInfo() == null ? "guest:guest" : broker.getUserInfo()).split(":", 2);
    return switch (key) {
      case "username" -> user[0];
      case "password" -> user[1];
      default -> null;
    };
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    return List.of(() -> {
      AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
          .messageId("m-" + eventName).appId("quargo-upstream-it").build();
      try (Channel ch = rabbit.createChannel()) {
        ch.basicPublish(entry.path("exchangeName").asText(), entry.path("routingKey").asText(), props,
            body(eventName).getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    // AmqpPayloadTest's shape: every delivery property, then exchange, routing key and body (metadata only when set)
    assertThat(ExampleRig.fields(data)).containsExactly("contentType", "contentEncoding", "deliveryMode", "priority",
        "correlationId", "replyTo", "expiration", "messageId", "timestamp", "type", "appId", "exchange", "routingKey",
        "body");
    assertThat(data.get("exchange").asText()).isEqualTo(entry.path("exchangeName").asText());
    assertThat(data.get("routingKey").asText()).isEqualTo(entry.path("routingKey").asText());
    assertThat(data.get("messageId").asText()).isEqualTo("m-" + eventName);
    assertThat(data.get("contentType").asText()).isEqualTo("application/json");
    assertThat(data.get("body")).isEqualTo(ExampleRig.body(entry, body(eventName)));
  }

  private static String body(String eventName) {
    return "{\"example\": \"" + eventName + "\", \"n\": 1}";
  }

  /** The example declares a durable exchange; the shared broker should not keep it. */
  @Override
  public void close() throws Exception {
    try (Channel ch = rabbit.createChannel()) {
      for (String exchange : exchanges) {
        ch.exchangeDelete(exchange);
      }
    } finally {
      rabbit.close();
    }
  }
}
