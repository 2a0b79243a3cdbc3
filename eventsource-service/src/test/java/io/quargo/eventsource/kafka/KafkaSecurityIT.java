package io.quargo.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventbus.testkit.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The kafka source's sasl and tls fields against a KRaft broker in this JVM with SASL_PLAINTEXT and SSL listeners. */
@ExtendWith(NatsServerExtension.class)
class KafkaSecurityIT {
  private static final String SASL = "\"sasl\": {\"mechanism\": \"PLAIN\", \"userSecret\": {\"name\": \"kafka\", \"key\": "
      + "\"user\"}, \"passwordSecret\": {\"name\": \"kafka\", \"key\": \"password\"}}";
  private static final String TLS = "\"tls\": {\"caCertSecret\": {\"name\": \"kafka\", \"key\": \"ca\"}, "
      + "\"clientCertSecret\": {\"name\": \"kafka\", \"key\": \"cert\"}, \"clientKeySecret\": {\"name\": \"kafka\", "
      + "\"key\": \"key\"}}";

  @TempDir
  static Path certDir;
  private static TestCertificates certs;
  private static KafkaBroker kafka;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "kafka-" + suffix;
  private final String topic = "topic-" + suffix;
  private String password = "s3cret";
  private String clientKey = "client.key";

  @BeforeAll
  static void startKafka() throws Exception {
    certs = TestCertificates.create(certDir);
    kafka = KafkaBroker.startSecured("quargo", "s3cret", certs.read("server.pem"), certs.read("server.key"),
        certs.read("ca.pem"));
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void withSaslPlainTheUserAndPasswordFromSecretsAreAcceptedAndRecordsDelivered(NatsTestServer nats)
      throws Exception {
    kafka.createTopic(topic, 1);
    kafka.send(topic, 0, null, "{\"n\": 1}", Map.of());
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = adapter(kafka.bootstrap("SASL"), SASL)) {
      assertThat(adapter.source().clientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT");
      adapter.start(bus.sink("team", eventSource, Map.of()));
      await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(1));
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithAnErrorNamingTheSaslFields() throws Exception {
    kafka.createTopic(topic, 1);
    password = "wrong";
    try (KafkaAdapter adapter = adapter(kafka.bootstrap("SASL"), SASL)) {
      assertThatThrownBy(() -> adapter.start(event -> {
        throw new AssertionError("nothing is read");
      })).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("team/" + eventSource + " kafka.example: cannot read topic '" + topic + "'")
          .hasMessageContaining("Authentication failed")
          .hasMessageContaining("check spec.kafka.example.sasl");
    }
  }

  @Test
  void withTlsTheBrokerIsVerifiedWithTheCaAndTheClientCertificateAccepted(NatsTestServer nats) throws Exception {
    kafka.createTopic(topic, 1);
    kafka.send(topic, 0, null, "{\"n\": 2}", Map.of());
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = adapter(kafka.bootstrap("SSL"), TLS)) {
      assertThat(adapter.source().clientProperties()).containsEntry("security.protocol", "SSL");
      adapter.start(bus.sink("team", eventSource, Map.of()));
      await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(2));
    }
  }

  @Test
  void aPkcs1RsaClientKeyAsGoToolsWriteItIsAccepted(NatsTestServer nats) throws Exception {
    kafka.createTopic(topic, 1);
    kafka.send(topic, 0, null, "{\"n\": 3}", Map.of());
    clientKey = "client-pkcs1.key";
    assertThat(certs.read(clientKey)).contains("BEGIN RSA PRIVATE KEY");
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = adapter(kafka.bootstrap("SSL"), TLS)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(3));
    }
  }

  @Test
  void aClientKeyThatIsNoKeyIsRefusedWithAnErrorNamingTheFields() throws Exception {
    clientKey = "san.ext";
    try (KafkaAdapter adapter = adapter(kafka.bootstrap("SSL"), TLS)) {
      assertThatThrownBy(() -> adapter.start(event -> {
        throw new AssertionError("nothing is read");
      })).hasMessageContaining("team/" + eventSource + " kafka.example: cannot create the Kafka client")
          .hasMessageContaining("No matching PRIVATE KEY entries in PEM file")
          .hasMessageContaining("check spec.kafka.example.tls");
    }
  }

  @Test
  void withoutTheCaTheBrokerIsNotTrustedAndTheErrorNamesTheTlsFields() throws Exception {
    kafka.createTopic(topic, 1);
    String noCa = "\"tls\": {\"clientCertSecret\": {\"name\": \"kafka\", \"key\": \"cert\"}, \"clientKeySecret\": "
        + "{\"name\": \"kafka\", \"key\": \"key\"}}";
    try (KafkaAdapter adapter = adapter(kafka.bootstrap("SSL"), noCa)) {
      assertThatThrownBy(() -> adapter.start(event -> {
        throw new AssertionError("nothing is read");
      })).hasMessageContaining("cannot read topic '" + topic + "'").hasMessageContaining("check spec.kafka.example.tls");
    }
  }

  @Test
  void withoutAClientCertificateTheBrokerThatAsksForOneRefusesTheConnection() throws Exception {
    kafka.createTopic(topic, 1);
    String noClientCert = "\"tls\": {\"caCertSecret\": {\"name\": \"kafka\", \"key\": \"ca\"}}";
    try (KafkaAdapter adapter = adapter(kafka.bootstrap("SSL"), noClientCert)) {
      assertThatThrownBy(() -> adapter.start(event -> {
        throw new AssertionError("nothing is read");
      })).hasMessageContaining("cannot read topic '" + topic + "'").hasMessageContaining("check spec.kafka.example.tls");
    }
  }

  private KafkaAdapter adapter(String bootstrap, String security) {
    String spec = "{\"example\": {\"url\": \"" + bootstrap + "\", \"topic\": \"" + topic + "\", \"jsonBody\": true, "
        + "\"consumerGroup\": {\"groupName\": \"g-" + suffix + "\", \"oldest\": true}, " + security + "}}";
    return new KafkaAdapter(new KafkaSpecParser((ns, name, key) -> switch (key) {
      case "user" -> "quargo";
      case "password" -> password;
      case "ca" -> certs.read("ca.pem");
      case "cert" -> certs.read("client.pem");
      case "key" -> certs.read(clientKey);
      default -> null;
    }).parse(Specs.eventSource("team", eventSource, "kafka", spec)).get(0));
  }

  private List<Integer> numbers(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().map(d -> d.at("/body/n").asInt()).toList();
  }
}
