package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqpPayloadTest {
  private final Envelope envelope = new Envelope(7, false, "orders", "created");

  @Test
  void everyPropertyAsArgoWritesIt() {
    AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
        .contentEncoding("utf-8").deliveryMode(2).priority(5).correlationId("c1").replyTo("r").expiration("60000")
        .messageId("m-1").timestamp(new Date(1_704_103_200_000L)).type("order").appId("shop").build();

    ObjectNode data = AmqpPayload.data(envelope, props, "{\"n\": 1}".getBytes(StandardCharsets.UTF_8), true,
        Map.of("team", "a"));

    assertThat(data).isEqualTo(Json.parse(("""
        {"contentType": "application/json", "contentEncoding": "utf-8", "deliveryMode": 2, "priority": 5,
         "correlationId": "c1", "replyTo": "r", "expiration": "60000", "messageId": "m-1",
         "timestamp": "2024-01-01 10:00:00 +0000 UTC", "type": "order", "appId": "shop", "exchange": "orders",
         "routingKey": "created", "body": {"n": 1}, "metadata": {"team": "a"}}
        """).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void unsetPropertiesAreGoZeroValuesAndBodyIsBase64WithoutJsonBody() {
    ObjectNode data = AmqpPayload.data(envelope, new AMQP.BasicProperties(), "hi".getBytes(StandardCharsets.UTF_8),
        false, Map.of());

    assertThat(data.get("messageId").asText()).isEmpty();
    assertThat(data.get("deliveryMode").asInt()).isZero();
    assertThat(data.get("timestamp").asText()).isEqualTo("0001-01-01 00:00:00 +0000 UTC");
    assertThat(data.get("body").asText()).isEqualTo("aGk=");
    assertThat(data.has("metadata")).isFalse();
  }

  @Test
  void aBodyThatIsNotJsonUnderJsonBodyIsRefused() {
    assertThatThrownBy(() -> AmqpPayload.data(envelope, new AMQP.BasicProperties(),
        "not json".getBytes(StandardCharsets.UTF_8), true, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid JSON at line 1");
  }
}
