package io.quargo.eventsource.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The consumer properties of a {@link KafkaSource}: manual commits, Argo's start offsets and assignors. */
final class KafkaClientConfig {
  private KafkaClientConfig() {}

  static Properties consumerProperties(KafkaSource source) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", source.brokers()));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "quargo-" + source.namespace() + "-" + source.eventSource() + "-"
        + source.eventName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
    KafkaSource.ConsumerGroup group = source.consumerGroup();
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group.groupName());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, group.oldest() ? "earliest" : "latest");
      props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, switch (group.rebalanceStrategy()) {
        case "roundrobin" -> RoundRobinAssignor.class.getName();
        case "sticky" -> StickyAssignor.class.getName();
        default -> RangeAssignor.class.getName();
      });
    }
    props.putAll(source.clientProperties());
    return props;
  }
}
