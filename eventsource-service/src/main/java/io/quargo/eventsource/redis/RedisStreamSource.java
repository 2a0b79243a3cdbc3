package io.quargo.eventsource.redis;

import io.quargo.eventsource.webhook.EventFilter;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.redisStream}: {@code streams} read through {@code consumerGroup} (default
 * {@value #DEFAULT_CONSUMER_GROUP}), at most {@code maxMsgCountPerRead} entries per stream and read (default 10).
 */
public record RedisStreamSource(String namespace, String eventSource, String eventName, RedisEndpoint endpoint,
    List<String> streams, String consumerGroup, int maxMsgCountPerRead, Map<String, String> metadata,
    EventFilter filter) {
  public static final String DEFAULT_CONSUMER_GROUP = "argo-events-cg";
  /** Argo's fixed consumer name within the group. */
  public static final String CONSUMER = "argo-events-worker";
  public static final int DEFAULT_MAX_MSG_COUNT_PER_READ = 10;

  @Override
  public String toString() {
    return "redisStream/" + eventName + " " + endpoint + " streams " + streams + " group " + consumerGroup;
  }
}
