package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventsource.redis.RedisServerProcess;
import io.quargo.eventsource.redis.RespConnection;
import java.util.List;

/**
 * redis.yaml and redis-streams.yaml against a private redis-server: {@code hostAddress} becomes its address.
 * One PUBLISH to the first channel, or one XADD to the first stream.
 */
final class RedisRig implements ExampleRig {
  private final boolean streams;
  private final RedisServerProcess redis;
  private final RespConnection commands;

  /** @param streams {@code redisStream} rather than {@code redis} (pub/sub) */
  RedisRig(boolean streams) throws Exception {
    this.streams = streams;
    redis = RedisServerProcess.start();
    commands = redis.connect();
  }

  @Override
  public void connect(ObjectNode entries) {
    entries.forEach(entry -> ((ObjectNode) entry).put("hostAddress", redis.hostAddress()));
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return null;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    if (streams) {
      return List.of(() -> commands.command("XADD", entry.path("streams").path(0).asText(), "*", "example", eventName));
    }
    return List.of(() -> commands.command("PUBLISH", entry.path("channels").path(0).asText(), "hello " + eventName));
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    if (streams) { // RedisStreamAdapterIT's shape
      assertThat(ExampleRig.fields(data)).containsExactly("stream", "message_id", "values");
      assertThat(data.get("stream").asText()).isEqualTo(entry.path("streams").path(0).asText());
      assertThat(data.get("message_id").asText()).matches("\\d+-\\d+");
      assertThat(data.get("values").toString()).isEqualTo("{\"example\":\"" + eventName + "\"}");
    } else { // RedisPubSubAdapterIT's shape
      assertThat(ExampleRig.fields(data)).containsExactly("channel", "pattern", "body");
      assertThat(data.get("channel").asText()).isEqualTo(entry.path("channels").path(0).asText());
      assertThat(data.get("pattern").asText()).isEmpty();
      assertThat(data.get("body").asText()).isEqualTo("hello " + eventName);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      commands.close();
    } finally {
      redis.close();
    }
  }
}
