package io.quargo.eventsource.redis;

import io.quargo.eventsource.webhook.EventFilter;
import java.util.List;
import java.util.Map;

/** One entry of {@code spec.redis}: the channels to SUBSCRIBE to on {@code endpoint}. */
public record RedisSource(String namespace, String eventSource, String eventName, RedisEndpoint endpoint,
    List<String> channels, boolean jsonBody, Map<String, String> metadata, EventFilter filter) {

  @Override
  public String toString() {
    return "redis/" + eventName + " " + endpoint + " channels " + channels;
  }
}
