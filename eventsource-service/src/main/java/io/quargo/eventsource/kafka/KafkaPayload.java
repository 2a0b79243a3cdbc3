package io.quargo.eventsource.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.eventsource.calendar.GoTimeFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The {@code data} of a kafka event, as Argo's {@code KafkaEventData}: {@code topic}, {@code key} (as text),
 * {@code partition}, {@code body} (raw JSON with {@code jsonBody}, else base64 as Go marshals bytes),
 * {@code timestamp} (Go's {@code time.String()}, UTC), {@code headers} (name to text value; the last one wins),
 * {@code metadata} when non-empty.
 */
public final class KafkaPayload {
  private KafkaPayload() {}

  /** Throws {@link IllegalArgumentException} when {@code jsonBody} is set and the value is not JSON. */
  public static ObjectNode data(ConsumerRecord<byte[], byte[]> record, boolean jsonBody, Map<String, String> metadata) {
    ObjectNode data = Json.object();
    data.put("topic", record.topic());
    data.put("key", record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
    data.put("partition", record.partition());
    data.set("body", body(record.value() == null ? new byte[0] : record.value(), jsonBody));
    data.put("timestamp", GoTimeFormat.format(Instant.ofEpochMilli(Math.max(record.timestamp(), 0))
        .atZone(ZoneOffset.UTC)));
    ObjectNode headers = data.putObject("headers");
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
    }
    if (!metadata.isEmpty()) {
      data.set("metadata", Json.MAPPER.valueToTree(metadata));
    }
    return data;
  }

  static JsonNode body(byte[] value, boolean jsonBody) {
    if (!jsonBody) {
      return Json.MAPPER.getNodeFactory().textNode(Base64.getEncoder().encodeToString(value));
    }
    if (value.length == 0) {
      throw new IllegalArgumentException("jsonBody is set but the message value is empty");
    }
    try {
      return Json.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("jsonBody is set but the message value is not JSON: " + e.getMessage(), e);
    }
  }
}
