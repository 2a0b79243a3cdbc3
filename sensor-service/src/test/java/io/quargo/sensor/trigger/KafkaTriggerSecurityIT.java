package io.quargo.sensor.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.secret.SecretResolver;
import io.quargo.eventbus.testkit.TestCertificates;
import io.quargo.eventsource.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka trigger's {@code sasl} and {@code tls} against an in-JVM KRaft broker with a SASL_PLAINTEXT (PLAIN)
 * listener and an SSL listener that demands a client certificate; records are read back on its plain listener.
 */
class KafkaTriggerSecurityIT {
  private static final String WHERE = "spec.triggers[0].template.kafka";
  private static final String SASL = "{mechanism: PLAIN, userSecret: {name: kafka, key: user},"
      + " passwordSecret: {name: kafka, key: password}}";
  private static final String TLS = "{caCertSecret: {name: kafka, key: ca}, clientCertSecret: {name: kafka, key: cert},"
      + " clientKeySecret: {name: kafka, key: key}}";

  @TempDir
  static Path dir;
  private static TestCertificates certs;
  private static KafkaBroker kafka;

  private final String topic = "secured-" + UUID.randomUUID().toString().substring(0, 8);
  private String password = "s3cret";

  @BeforeAll
  static void startKafka() throws Exception {
    certs = TestCertificates.create(dir);
    kafka = KafkaBroker.startSecured("quargo", "s3cret", certs.read("server.pem"), certs.read("server.key"),
        certs.read("ca.pem"));
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  private SecretResolver secrets() {
    Map<String, String> values = Map.of("user", "quargo", "password", password, "ca", certs.read("ca.pem"),
        "cert", certs.read("client.pem"), "key", certs.read("client-pkcs1.key"));
    return (ns, name, key) -> name.equals("kafka") ? values.get(key) : null;
  }

  private void fire(String listener, String security) {
    try (KafkaTrigger trigger = new KafkaTrigger(secrets())) {
      Fire.fire(trigger, Fire.sensor("""
          template: {name: t, kafka: {url: '%s', topic: %s, %s,
            payload: [{src: {dependencyName: dep, dataKey: body.name}, dest: who}]}}
          """.formatted(kafka.bootstrap(listener), topic, security)));
    }
  }

  @Test
  void saslPlainWithTheUserAndPasswordFromSecrets() throws Exception {
    kafka.createTopic(topic, 1);
    fire("SASL", "sasl: " + SASL);
    assertThat(records()).singleElement().satisfies(r -> {
      assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"who\":\"Obi\"}");
      assertThat(new String(r.headers().lastHeader(HttpTrigger.TRIGGER_ID_HEADER).value(), StandardCharsets.UTF_8))
          .isEqualTo("exec-key-1");
    });
  }

  @Test
  void tlsWithThePrivateCaAndAPkcs1ClientKey() throws Exception {
    kafka.createTopic(topic, 1);
    fire("SSL", "tls: " + TLS);
    assertThat(records()).hasSize(1);
  }

  @Test
  void aWrongPasswordIsATransientFailureNamingTheSaslFields() throws Exception {
    kafka.createTopic(topic, 1);
    password = "wrong";
    assertThatThrownBy(() -> fire("SASL", "sasl: " + SASL))
        .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isFalse())
        .hasMessageContaining("Authentication failed").hasMessageContaining("check " + WHERE + ".sasl");
    assertThat(records()).isEmpty();
  }

  @Test
  void withoutTheCaTheBrokerIsNotTrustedAndTheErrorNamesCaCertSecret() throws Exception {
    kafka.createTopic(topic, 1);
    assertThatThrownBy(() -> fire("SSL", "tls: {clientCertSecret: {name: kafka, key: cert},"
        + " clientKeySecret: {name: kafka, key: key}}"))
        .isInstanceOf(TriggerFailure.class).hasMessageContaining(WHERE + ".tls.caCertSecret");
    assertThat(records()).isEmpty();
  }

  /** Everything on the topic, read from the broker's plain listener. */
  private List<ConsumerRecord<byte[], byte[]>> records() {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (all.size() < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
      return all;
    }
  }
}
