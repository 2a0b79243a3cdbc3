package io.quargo.eventsource.kafka;

import io.github.embeddedkafka.EmbeddedK;
import io.github.embeddedkafka.EmbeddedKafka;
import io.github.embeddedkafka.EmbeddedKafkaConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  private final Map<String, String> listeners;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Admin admin;

  private KafkaBroker(EmbeddedK server, String bootstrap, Map<String, String> listeners) {
    this.server = server;
    this.bootstrap = bootstrap;
    this.listeners = listeners;
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
    return start(Map.of(), Map.of());
  }

  /**
   * Besides the plaintext listener (used by this class's producer and admin client): a SASL_PLAINTEXT listener
   * {@code SASL} accepting PLAIN with one user, and an SSL listener {@code SSL} presenting the PEM certificate
   * (client certificate required when {@code clientCaPem} is not null).
   */
  public static KafkaBroker startSecured(String user, String password, String serverCertPem, String serverKeyPem,
      String clientCaPem) throws IOException {
    Map<String, String> listeners = Map.of("SASL", "SASL_PLAINTEXT", "SSL", "SSL");
    Map<String, String> props = new HashMap<>();
    props.put("sasl.enabled.mechanisms", "PLAIN");
    props.put("listener.name.sasl.sasl.enabled.mechanisms", "PLAIN");
    props.put("listener.name.sasl.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
        + " required user_" + user + "=\"" + password + "\";");
    props.put("listener.name.ssl.ssl.keystore.type", "PEM");
    props.put("listener.name.ssl.ssl.keystore.certificate.chain", serverCertPem);
    props.put("listener.name.ssl.ssl.keystore.key", serverKeyPem);
    if (clientCaPem != null) {
      props.put("listener.name.ssl.ssl.truststore.type", "PEM");
      props.put("listener.name.ssl.ssl.truststore.certificates", clientCaPem);
      props.put("listener.name.ssl.ssl.client.auth", "required");
    }
    return start(listeners, props);
  }

  /** {@code extraListeners}: listener name to security protocol, each on a free port of localhost. */
  private static KafkaBroker start(Map<String, String> extraListeners, Map<String, String> extraProps)
      throws IOException {
    int kafkaPort = freePort();
    int controllerPort = freePort();
    Map<String, String> props = new HashMap<>(Map.of("group.initial.rebalance.delay.ms", "0",
        "num.partitions", "1", "auto.create.topics.enable", "false"));
    Map<String, String> addresses = new LinkedHashMap<>();
    if (!extraListeners.isEmpty()) {
      StringBuilder listeners = new StringBuilder("BROKER://localhost:" + kafkaPort);
      StringBuilder protocols = new StringBuilder("BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");
      for (Map.Entry<String, String> l : extraListeners.entrySet()) {
        String address = "localhost:" + freePort();
        addresses.put(l.getKey(), address);
        listeners.append(',').append(l.getKey()).append("://").append(address);
        protocols.append(',').append(l.getKey()).append(':').append(l.getValue());
      }
      props.put("advertised.listeners", listeners.toString());
      props.put("listeners", listeners + ",CONTROLLER://localhost:" + controllerPort);
      props.put("listener.security.protocol.map", protocols.toString());
      props.putAll(extraProps);
    }
    var none = scalaMap(Map.of());
    EmbeddedK server = EmbeddedKafka.start(EmbeddedKafkaConfig.apply(kafkaPort, controllerPort, scalaMap(props), none,
        none));
    return new KafkaBroker(server, "localhost:" + kafkaPort, Map.copyOf(addresses));
  }

  /** The host:port of a listener {@link #startSecured} added. */
  public String bootstrap(String listener) {
    return listeners.get(listener);
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
