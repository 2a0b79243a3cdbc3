package io.quargo.eventsource.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.Base64;
import java.util.Map;

/**
 * The {@code data} of an mqtt event, as Argo's {@code MQTTEventData}: {@code topic}, {@code messageId},
 * {@code body} (raw JSON with {@code jsonBody}, base64 otherwise, as Go marshals a byte slice), {@code metadata}
 * when non-empty. {@code messageId} is Argo's MQTT packet id, which under its QoS 0 subscription is always 0; our
 * client does not expose the QoS 1 packet id, so it stays 0 here too.
 */
public final class MqttPayload {
  private MqttPayload() {}

  /** Throws {@link IllegalArgumentException} when {@code jsonBody} is set and the payload is not JSON. */
  public static ObjectNode data(String topic, byte[] payload, boolean jsonBody, Map<String, String> metadata) {
    ObjectNode data = Json.object();
    data.put("topic", topic);
    data.put("messageId", 0);
    if (jsonBody) {
      if (payload.length == 0) {
        throw new IllegalArgumentException("jsonBody is set but the payload is empty");
      }
      data.set("body", Json.parse(payload));
    } else {
      data.put("body", Base64.getEncoder().encodeToString(payload));
    }
    if (!metadata.isEmpty()) {
      data.set("metadata", Json.MAPPER.valueToTree(metadata));
    }
    return data;
  }
}
