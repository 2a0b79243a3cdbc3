package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.embeddedkafka.EmbeddedK;
import io.github.embeddedkafka.EmbeddedKafka$;
import io.github.embeddedkafka.EmbeddedKafkaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kafka trigger against an in-process KRaft Kafka (embedded-kafka). */
class KafkaTriggerIT {
  private static final SecretResolver SECRETS = (ns, name, key) ->
      name.equals("kafka-headers") && key.equals("token") ? "t0ken" : null;
  private static EmbeddedK kafka;
  private static String url;

  @BeforeAll
  static void startKafka() throws Exception {
    scala.collection.immutable.Map<String, String> none = scala.collection.immutable.Map$.MODULE$.empty();
    kafka = EmbeddedKafka$.MODULE$.start(EmbeddedKafkaConfig.apply(0, 0, none, none, none));
    url = "127.0.0.1:" + kafka.config().kafkaPort();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, url);
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic("minio-events", 3, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.stop(true);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(int partition, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, url);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition("minio-events", partition);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(500)).forEach(out::add);
      }
    }
    return out;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void sendsThePayloadToThePartitionWithKeyAndHeaders() {
    try (KafkaTrigger trigger = new KafkaTrigger(SECRETS)) {
      Fire.fire(trigger, Fire.sensor("""
          template:
            name: kafka-trigger
            kafka:
              url: %s
              topic: minio-events
              partition: 2
              requiredAcks: -1
              compress: true
              headers: {X-Static: static}
              secureHeaders: [{name: X-Token, valueFrom: {secretKeyRef: {name: kafka-headers, key: token}}}]
              parameters: [{src: {dependencyName: dep, dataKey: body.key}, dest: partitioningKey}]
              payload:
                - {src: {dependencyName: dep, dataKey: body.name}, dest: fileName}
          """.formatted(url)));
      List<ConsumerRecord<byte[], byte[]>> records = read(2, 1);
      assertThat(records).singleElement().satisfies(r -> {
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"fileName\":\"Obi\"}");
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k-7");
        assertThat(header(r, HttpTrigger.TRIGGER_ID_HEADER)).isEqualTo("exec-key-1");
        assertThat(header(r, "X-Static")).isEqualTo("static");
        assertThat(header(r, "X-Token")).isEqualTo("t0ken");
      });
    }
  }

  @Test
  void securityThatCanNeverWorkAndSchemaRegistryAreRefusedWhenTheRunnerStarts() {
    try (KafkaTrigger trigger = new KafkaTrigger(SECRETS)) {
      assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor("""
          template: {name: t, kafka: {url: x, topic: t, sasl: {mechanism: PLAIN}}}
          """))).hasMessage("spec.triggers[0].template.kafka.sasl: needs userSecret and passwordSecret");
      assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor("""
          template: {name: t, kafka: {url: x, topic: t, sasl: {mechanism: GSSAPI, userSecret: {name: a, key: b},
            passwordSecret: {name: a, key: c}}}}
          """))).hasMessage("spec.triggers[0].template.kafka.sasl.mechanism: must be PLAIN, SCRAM-SHA-256 or"
          + " SCRAM-SHA-512, got 'GSSAPI'");
      assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor("""
          template: {name: t, kafka: {url: x, topic: t, tls: {insecureSkipVerify: true}}}
          """))).hasMessageStartingWith("spec.triggers[0].template.kafka.tls.insecureSkipVerify: is not supported");
      assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor("""
          template: {name: t, kafka: {url: x, topic: t, schemaRegistry: {url: "http://r"}}}
          """))).hasMessage("spec.triggers[0].template.kafka.schemaRegistry: is not supported by this sensor service"
          + " yet; remove it");
    }
  }
}
