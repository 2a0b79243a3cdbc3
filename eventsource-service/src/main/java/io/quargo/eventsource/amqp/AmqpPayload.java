package io.quargo.eventsource.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import io.quargo.core.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * The {@code data} of an amqp event, as Argo's {@code AMQPEventData}: every property as a string or number (Go's
 * zero value when unset), {@code timestamp} in Go's {@code time.String()} form, {@code body} as raw JSON with
 * {@code jsonBody} and base64 otherwise (Go marshals a byte slice that way), {@code metadata} when non-empty.
 */
public final class AmqpPayload {
  /** Go's {@code time.Time.String()} for a UTC time without fraction, e.g. {@code 2024-01-01 10:00:00 +0000 UTC}. */
  private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx 'UTC'")
      .withZone(ZoneOffset.UTC);
  static final String GO_ZERO_TIME = "0001-01-01 00:00:00 +0000 UTC";

  private AmqpPayload() {}

  /** Throws {@link IllegalArgumentException} when {@code jsonBody} is set and the body is not JSON. */
  public static ObjectNode data(Envelope envelope, AMQP.BasicProperties props, byte[] body, boolean jsonBody,
      Map<String, String> metadata) {
    ObjectNode data = Json.object();
    data.put("contentType", text(props.getContentType()));
    data.put("contentEncoding", text(props.getContentEncoding()));
    data.put("deliveryMode", props.getDeliveryMode() == null ? 0 : props.getDeliveryMode());
    data.put("priority", props.getPriority() == null ? 0 : props.getPriority());
    data.put("correlationId", text(props.getCorrelationId()));
    data.put("replyTo", text(props.getReplyTo()));
    data.put("expiration", text(props.getExpiration()));
    data.put("messageId", text(props.getMessageId()));
    data.put("timestamp", timestamp(props.getTimestamp()));
    data.put("type", text(props.getType()));
    data.put("appId", text(props.getAppId()));
    data.put("exchange", text(envelope.getExchange()));
    data.put("routingKey", text(envelope.getRoutingKey()));
    data.set("body", body(body, jsonBody));
    if (!metadata.isEmpty()) {
      data.set("metadata", Json.MAPPER.valueToTree(metadata));
    }
    return data;
  }

  static JsonNode body(byte[] body, boolean jsonBody) {
    if (!jsonBody) {
      return Json.MAPPER.getNodeFactory().textNode(Base64.getEncoder().encodeToString(body));
    }
    if (body.length == 0) {
      throw new IllegalArgumentException("jsonBody is set but the body is empty");
    }
    return Json.parse(body);
  }

  static String timestamp(Date timestamp) {
    return timestamp == null ? GO_ZERO_TIME : GO_TIME.format(timestamp.toInstant());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
