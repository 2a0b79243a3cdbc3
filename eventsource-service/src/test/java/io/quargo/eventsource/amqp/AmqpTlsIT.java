package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.core.tls.PemSslContext;
import io.quargo.eventbus.testkit.TestCertificates;
import io.quargo.eventsource.tls.TlsSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The amqp source over TLS to a real RabbitMQ node of its own ({@link RabbitTlsNode}: only a TLS listener, client
 * certificates required), the certificates made per run.
 */
@ExtendWith(NatsServerExtension.class)
class AmqpTlsIT {
  @TempDir
  static Path dir;
  private static TestCertificates certs;
  private static RabbitTlsNode node;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "secure-" + suffix;
  private final String exchange = "quargo-tls-x-" + suffix;

  @BeforeAll
  static void startNode() throws Exception {
    certs = TestCertificates.create(dir);
    node = RabbitTlsNode.start(certs);
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void mutualTlsOverAmqpsDeliversAnEvent(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats);
        AmqpAdapter adapter = adapter("amqps://guest:guest@localhost:" + node.port, secrets(certs), true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      send("{\"paid\": true}");

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("amqp");
      assertThat(event.data().at("/body/paid").asBoolean()).isTrue();
    }
  }

  /** Upstream's example writes amqp:// with a tls block; Argo's client would send plain text, we speak TLS. */
  @Test
  void aTlsBlockUnderAmqpStillSpeaksTls(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats);
        AmqpAdapter adapter = adapter("amqp://guest:guest@localhost:" + node.port, secrets(certs), true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      send("{\"n\": 1}");
      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
    }
  }

  @Test
  void aWrongCaFailsTheStartAtOnceNamingTheSecretField() throws Exception {
    TestCertificates other = TestCertificates.create(Files.createDirectory(dir.resolve("other-" + suffix)));
    Map<String, String> secrets = Map.of("ca", other.read("ca.pem"), "cert", certs.read("client.pem"), "key",
        certs.read("client.key"));
    try (AmqpAdapter adapter = adapter("amqps://guest:guest@localhost:" + node.port, secrets, true)) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/" + eventSource + " amqp.example: TLS to amqps://localhost:" + node.port
              + " failed: the server's certificate is not signed by the CA in spec.amqp.example.tls.caCertSecret; put"
              + " the PEM of the CA that signed the server's certificate in that secret (or set"
              + " spec.amqp.example.tls.insecureSkipVerify: true to skip verification) [PKIX path")
          .message().doesNotContain("\n");
    }
  }

  @Test
  void aNodeThatDemandsAClientCertificateRefusesOneWithout() throws Exception {
    try (AmqpAdapter adapter = adapter("amqps://guest:guest@localhost:" + node.port, secrets(certs), false)) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/" + eventSource + " amqp.example: ")
          // TLS 1.3: the server's certificate_required alert, or a reset that overtook it, after retries
          .hasMessageContaining("set spec.amqp.example.tls.clientCertSecret and spec.amqp.example.tls.clientKeySecret")
          .message().satisfiesAnyOf(
              m -> assertThat(m).contains("TLS to amqps://localhost:" + node.port + " failed: the server refused our client"
                  + " certificate (none was sent)"),
              m -> assertThat(m).contains("the server closed the TLS connection; if it demands a client certificate"));
    }
  }

  private static Map<String, String> secrets(TestCertificates certs) {
    return Map.of("ca", certs.read("ca.pem"), "cert", certs.read("client.pem"), "key", certs.read("client-pkcs1.key"));
  }

  private AmqpAdapter adapter(String url, Map<String, String> secrets, boolean clientCertificate) {
    String tls = "{\"caCertSecret\": {\"name\": \"amqp-tls\", \"key\": \"ca\"}" + (clientCertificate
        ? ", \"clientCertSecret\": {\"name\": \"amqp-tls\", \"key\": \"cert\"},"
            + " \"clientKeySecret\": {\"name\": \"amqp-tls\", \"key\": \"key\"}"
        : "") + "}";
    String spec = "{\"example\": {\"url\": \"" + url + "\", \"jsonBody\": true, \"exchangeName\": \"" + exchange
        + "\", \"exchangeType\": \"fanout\", \"routingKey\": \"#\", \"exchangeDeclare\": {\"durable\": false,"
        + " \"autoDelete\": true}, \"connectionBackoff\": {\"duration\": \"10ms\", \"steps\": 3}, \"tls\": " + tls + "}}";
    return new AmqpAdapter(new AmqpSpecParser((ns, name, key) -> secrets.get(key)).parse(Specs.eventSource("team",
        eventSource, "amqp", spec)).get(0));
  }

  /** The test's own publisher, over TLS with the client certificate. */
  private void send(String body) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri("amqps://guest:guest@localhost:" + node.port);
    factory.useSslProtocol(PemSslContext.create(new TlsSpec("test", certs.read("ca.pem"), certs.read("client.pem"),
        certs.read("client.key"), false)));
    try (Connection connection = factory.newConnection("quargo-tls-test"); Channel ch = connection.createChannel()) {
      ch.basicPublish(exchange, "k", new AMQP.BasicProperties(), body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
