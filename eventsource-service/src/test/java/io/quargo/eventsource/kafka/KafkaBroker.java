package io.quargo.eventsource.kafka;

import io.github.embeddedkafka.EmbeddedK;
import io.github.embeddedkafka.EmbeddedKafka;
import io.github.embeddedkafka.EmbeddedKafkaConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A KRaft Kafka broker in this JVM (embedded-kafka) on free ports, with a producer and an admin client. */
public final class KafkaBroker implements AutoCloseable {
  private final EmbeddedK server;
  private final String bootstrap;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Admin admin;

  private KafkaBroker(EmbeddedK server, String bootstrap) {
    this.server = server;
    this.bootstrap = bootstrap;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // the consumer must decompress what producers send
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    this.producer = new KafkaProducer<>(props);
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  public static KafkaBroker start() throws IOException {
    int kafkaPort = freePort();
    int controllerPort = freePort();
    var broker = scalaMap(Map.of("group.initial.rebalance.delay.ms", "0", "num.partitions", "1",
        "auto.create.topics.enable", "false"));
    var none = scalaMap(Map.of());
    EmbeddedK server = EmbeddedKafka.start(EmbeddedKafkaConfig.apply(kafkaPort, controllerPort, broker, none, none));
    return new KafkaBroker(server, "localhost:" + kafkaPort);
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
    return scala.collection.immutable.Map$.MODULE$.from(scala.jdk.javaapi.CollectionConverters.asScala(map));
  }

  public String bootstrap() {
    return bootstrap;
  }

  public void createTopic(String topic, int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
  }

  public void send(String topic, int partition, String key, String value, Map<String, String> headers) throws Exception {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    producer.send(record).get();
  }

  /** The group's committed offset of the partition, or -1 without one. */
  long committed(String group, String topic, int partition) throws Exception {
    TopicPartition tp = new TopicPartition(topic, partition);
    OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(tp);
    return offset == null ? -1 : offset.offset();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
    server.stop(true);
  }
}
