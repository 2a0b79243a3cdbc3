package io.quargo.eventsource.kafka;

import io.quargo.eventsource.webhook.EventFilter;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.kafka}.
 *
 * @param brokers              {@code url} split at commas
 * @param partition            the partition read without a consumer group; null with one
 * @param consumerGroup        null: read {@code partition} from its newest offset, committing nothing (as Argo)
 * @param limitEventsPerSecond 0 for no limit
 * @param clientProperties     security settings for the Kafka client (from {@code tls} and {@code sasl})
 */
public record KafkaSource(String namespace, String eventSource, String eventName, List<String> brokers, String topic,
    Integer partition, ConsumerGroup consumerGroup, boolean jsonBody, long limitEventsPerSecond,
    Map<String, String> clientProperties, Map<String, String> metadata, EventFilter filter) {

  /** {@code consumerGroup}: {@code oldest} starts a new group at the earliest offset instead of the newest. */
  public record ConsumerGroup(String groupName, boolean oldest, String rebalanceStrategy) {}

  @Override
  public String toString() {
    return "kafka/" + eventName + " " + String.join(",", brokers) + " topic " + topic
        + (consumerGroup == null ? " partition " + partition : " group " + consumerGroup.groupName());
  }
}
