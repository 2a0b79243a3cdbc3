package io.quargo.eventsource.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code data} of redis and redisStream events, as Argo's {@code RedisEventData}
 * ({@code {channel, pattern, body, metadata}}, {@code body} the message as a string, or raw JSON with
 * {@code jsonBody}) and {@code RedisStreamEventData} ({@code {stream, message_id, values, metadata}}).
 */
public final class RedisPayload {
  private RedisPayload() {}

  /** {@code pattern} is empty for a plain SUBSCRIBE, as in Argo. Throws when {@code jsonBody} and not JSON. */
  public static ObjectNode message(String channel, String pattern, String message, boolean jsonBody,
      Map<String, String> metadata) {
    ObjectNode data = Json.object();
    data.put("channel", channel);
    data.put("pattern", pattern == null ? "" : pattern);
    if (jsonBody) {
      if (message.isEmpty()) {
        throw new IllegalArgumentException("jsonBody is set but the message is empty");
      }
      data.set("body", Json.parse(message.getBytes(StandardCharsets.UTF_8)));
    } else {
      data.put("body", message);
    }
    return withMetadata(data, metadata);
  }

  public static ObjectNode streamEntry(String stream, String entryId, Map<String, String> values,
      Map<String, String> metadata) {
    ObjectNode data = Json.object();
    data.put("stream", stream);
    data.put("message_id", entryId);
    data.set("values", Json.MAPPER.valueToTree(values));
    return withMetadata(data, metadata);
  }

  private static ObjectNode withMetadata(ObjectNode data, Map<String, String> metadata) {
    if (!metadata.isEmpty()) {
      data.set("metadata", Json.MAPPER.valueToTree(metadata));
    }
    return data;
  }
}
