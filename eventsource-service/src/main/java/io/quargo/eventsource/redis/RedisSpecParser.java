package io.quargo.eventsource.redis;

import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code spec.redis} and {@code spec.redisStream} with Argo's validation ({@code hostAddress} and
 * {@code channels} / {@code streams} required) and defaults; errors name the JSON path, e.g.
 * {@code spec.redisStream.example.streams: is required: list at least one}.
 */
public final class RedisSpecParser {
  private final SecretResolver secrets;

  public RedisSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Every entry of {@code spec.redis} (pub/sub), in manifest order. */
  public List<RedisSource> parsePubSub(Resource eventSource) {
    List<RedisSource> sources = new ArrayList<>();
    SpecFields.entries(eventSource, "redis").forEach((name, spec) -> {
      String path = "spec.redis." + name;
      sources.add(new RedisSource(SpecFields.namespace(eventSource), eventSource.name(), name,
          RedisEndpoint.parse(spec, path, secrets, SpecFields.namespace(eventSource)), SpecFields.textList(spec, "channels", path, true),
          SpecFields.bool(spec, "jsonBody", path, false), SpecFields.metadata(spec, path),
          SpecFields.filter(spec, path)));
    });
    return sources;
  }

  /** Every entry of {@code spec.redisStream}, in manifest order. */
  public List<RedisStreamSource> parseStreams(Resource eventSource) {
    List<RedisStreamSource> sources = new ArrayList<>();
    SpecFields.entries(eventSource, "redisStream").forEach((name, spec) -> {
      String path = "spec.redisStream." + name;
      String group = SpecFields.optionalText(spec, "consumerGroup", path);
      sources.add(new RedisStreamSource(SpecFields.namespace(eventSource), eventSource.name(), name,
          RedisEndpoint.parse(spec, path, secrets, SpecFields.namespace(eventSource)), SpecFields.textList(spec, "streams", path, true),
          group == null || group.isBlank() ? RedisStreamSource.DEFAULT_CONSUMER_GROUP : group.trim(),
          maxMsgCountPerRead(SpecFields.integer(spec, "maxMsgCountPerRead", path, 0, 0, 100_000)),
          SpecFields.metadata(spec, path), SpecFields.filter(spec, path)));
    });
    return sources;
  }

  /** Argo reads 0 (or nothing) as its default. */
  private static int maxMsgCountPerRead(long count) {
    return count == 0 ? RedisStreamSource.DEFAULT_MAX_MSG_COUNT_PER_READ : (int) count;
  }
}
