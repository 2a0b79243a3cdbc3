package io.quargo.eventsource.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.core.tls.PemSslContext;
import io.quargo.eventbus.testkit.TestCertificates;
import io.quargo.eventsource.tls.TlsSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The mqtt source over TLS to a private mosquitto whose listener demands a client certificate. */
@ExtendWith(NatsServerExtension.class)
class MqttTlsIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "secure-" + suffix;
  private final String topic = "quargo/tls/" + suffix;

  @TempDir
  Path dir;

  @Test
  void mutualTlsDeliversAnEventToTheBus(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (Mosquitto broker = Mosquitto.startTls(certs, true); BusFixture bus = BusFixture.connect(nats);
        MqttAdapter adapter = adapter("ssl://localhost:" + broker.port, secrets(certs), tlsBlock(true))) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      Mqtt3BlockingClient sender = sender(broker, certs);
      sender.publishWith().topic(topic + "/door").qos(MqttQos.AT_LEAST_ONCE)
          .payload("{\"open\": true}".getBytes(StandardCharsets.UTF_8)).send();
      sender.disconnect();

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("mqtt");
      assertThat(event.data().get("topic").asText()).isEqualTo(topic + "/door");
      assertThat(event.data().at("/body/open").asBoolean()).isTrue();
    }
  }

  /** Upstream's example writes tcp:// with a tls block; paho would send plain text, we speak TLS. */
  @Test
  void aTlsBlockUnderTcpStillSpeaksTls(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (Mosquitto broker = Mosquitto.startTls(certs, true); BusFixture bus = BusFixture.connect(nats);
        MqttAdapter adapter = adapter("tcp://127.0.0.1:" + broker.port, secrets(certs), tlsBlock(true))) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      Mqtt3BlockingClient sender = sender(broker, certs);
      sender.publishWith().topic(topic + "/x").qos(MqttQos.AT_LEAST_ONCE)
          .payload("{}".getBytes(StandardCharsets.UTF_8)).send();
      sender.disconnect();
      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
    }
  }

  @Test
  void aWrongCaFailsTheStartNamingTheSecretField() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    TestCertificates other = TestCertificates.create(Files.createDirectory(dir.resolve("other")));
    Map<String, String> secrets = Map.of("ca", other.read("ca.pem"), "cert", certs.read("client.pem"), "key",
        certs.read("client.key"));
    try (Mosquitto broker = Mosquitto.startTls(certs, true);
        MqttAdapter adapter = adapter("ssl://localhost:" + broker.port, secrets, tlsBlock(true))) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/" + eventSource + " mqtt.example: TLS to ssl://localhost:" + broker.port
              + " failed: the server's certificate is not signed by the CA in spec.mqtt.example.tls.caCertSecret;"
              + " put the PEM of the CA that signed the server's certificate in that secret (or set"
              + " spec.mqtt.example.tls.insecureSkipVerify: true to skip verification) [")
          .message().doesNotContain("\n").doesNotContain("\tat ");
    }
  }

  @Test
  void aBrokerThatDemandsAClientCertificateRefusesOneWithout() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (Mosquitto broker = Mosquitto.startTls(certs, true);
        MqttAdapter adapter = adapter("ssl://localhost:" + broker.port, secrets(certs), tlsBlock(false))) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/" + eventSource + " mqtt.example: ")
          // TLS 1.3: the server's certificate_required alert, or a reset that overtook it, after retries
          .hasMessageContaining("set spec.mqtt.example.tls.clientCertSecret and spec.mqtt.example.tls.clientKeySecret")
          .message().satisfiesAnyOf(
              m -> assertThat(m).contains("TLS to ssl://localhost:" + broker.port + " failed: the server refused our client"
                  + " certificate (none was sent)"),
              m -> assertThat(m).contains("the server closed the TLS connection; if it demands a client certificate"));
    }
  }

  @Test
  void insecureSkipVerifyAcceptsAServerNoCaVouchesFor(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (Mosquitto broker = Mosquitto.startTls(certs, false); BusFixture bus = BusFixture.connect(nats);
        MqttAdapter adapter = adapter("ssl://127.0.0.1:" + broker.port, Map.of(), "{\"insecureSkipVerify\": true}")) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      Mqtt3BlockingClient sender = sender(broker, certs);
      sender.publishWith().topic(topic + "/y").qos(MqttQos.AT_LEAST_ONCE)
          .payload("{}".getBytes(StandardCharsets.UTF_8)).send();
      sender.disconnect();
      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
    }
  }

  private static Map<String, String> secrets(TestCertificates certs) {
    return Map.of("ca", certs.read("ca.pem"), "cert", certs.read("client.pem"), "key", certs.read("client-pkcs1.key"));
  }

  private static String tlsBlock(boolean clientCertificate) {
    return "{\"caCertSecret\": {\"name\": \"mqtt-tls\", \"key\": \"ca\"}" + (clientCertificate
        ? ", \"clientCertSecret\": {\"name\": \"mqtt-tls\", \"key\": \"cert\"},"
            + " \"clientKeySecret\": {\"name\": \"mqtt-tls\", \"key\": \"key\"}"
        : "") + "}";
  }

  private MqttAdapter adapter(String url, Map<String, String> secrets, String tls) {
    String spec = "{\"example\": {\"url\": \"" + url + "\", \"topic\": \"" + topic + "/+\", \"clientId\": \"quargo-"
        + suffix + "\", \"jsonBody\": true, \"connectionBackoff\": {\"duration\": \"10ms\", \"steps\": 2},"
        + " \"tls\": " + tls + "}}";
    return new MqttAdapter(new MqttSpecParser((ns, name, key) -> secrets.get(key)).parse(Specs.eventSource("team",
        eventSource, "mqtt", spec)).get(0));
  }

  /** The test's own publisher, with the same client certificate. */
  private Mqtt3BlockingClient sender(Mosquitto broker, TestCertificates certs) {
    TlsSpec tls = new TlsSpec("test", certs.read("ca.pem"), certs.read("client.pem"), certs.read("client.key"), false);
    Mqtt3BlockingClient sender = MqttClient.builder().useMqttVersion3().identifier("sender-" + suffix)
        .serverHost("localhost").serverPort(broker.port).sslConfig(MqttClientSslConfig.builder()
            .trustManagerFactory(PemSslContext.trustManagers(tls)).keyManagerFactory(PemSslContext.keyManagers(tls))
            .build()).buildBlocking();
    sender.connect();
    return sender;
  }
}
