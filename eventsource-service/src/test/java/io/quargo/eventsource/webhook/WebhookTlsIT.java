package io.quargo.eventsource.webhook;

import static io.quargo.eventsource.webhook.WebhookHttp.eventSource;
import static io.quargo.eventsource.webhook.WebhookHttp.freePort;
import static io.quargo.eventsource.webhook.WebhookHttp.post;
import static io.quargo.eventsource.webhook.WebhookHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.api.MessageInfo;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventbus.testkit.TestCertificates;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** serverCertSecret/serverKeySecret: HTTPS webhooks, and routes that change without closing their port. */
@ExtendWith(NatsServerExtension.class)
class WebhookTlsIT {
  private final String namespace = "ns" + UUID.randomUUID().toString().substring(0, 8);
  private final int port = freePort();
  private BusConnection bus;
  private Vertx vertx;
  private TestCertificates certs;
  private WebhookSpecParser parser;

  @BeforeEach
  void start(NatsTestServer nats, @TempDir Path dir) throws Exception {
    bus = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", nats.url())));
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    vertx = Vertx.vertx();
    certs = TestCertificates.create(dir);
    parser = new WebhookSpecParser((ns, name, key) -> switch (name + "/" + key) {
      case "tls/cert" -> certs.read("server.pem");
      case "tls/key" -> certs.read("server.key");
      case "tls/rsa" -> certs.read("client-pkcs1.key");
      case "other/cert" -> certs.read("client.pem");
      case "other/key" -> certs.read("client.key");
      case "broken/cert" -> "not a certificate";
      default -> null;
    });
  }

  @AfterEach
  void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    bus.close();
  }

  private List<WebhookRoute> routes(String webhookJson) {
    return parser.parse(eventSource(namespace, "secure-hooks", webhookJson.formatted(port)));
  }

  private static final String TLS = """
      "serverCertSecret": {"name": "tls", "key": "cert"}, "serverKeySecret": {"name": "tls", "key": "key"}""";

  @Test
  void anHttpsPostIsAcceptedWithTheServersCertificateAndPlainHttpIsNot() throws Exception {
    List<WebhookRoute> routes = routes("{\"example\": {\"port\": \"%d\", \"endpoint\": \"/example\", \"method\": \"POST\", "
        + TLS + "}}");
    try (WebhookServers ignored = WebhookServers.start(vertx, "127.0.0.1", routes, new Publisher(bus))) {
      HttpResponse<String> response = httpsClient().send(HttpRequest.newBuilder(
              URI.create("https://127.0.0.1:" + port + "/example")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"secure\": true}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      // this test's own subject (other tests share the server's EVENTS stream)
      String subject = Subjects.events(namespace, "secure-hooks", "example");
      MessageInfo stored = bus.management().getLastMessage(StandardStreams.EVENTS, subject);
      assertThat(CloudEventJson.decode(stored.getData()).data().path("body").path("secure").asBoolean()).isTrue();
      assertThatThrownBy(() -> send(post(port, "/example", "{}"))).isInstanceOf(java.io.UncheckedIOException.class);
      assertThat(bus.management().getLastMessage(StandardStreams.EVENTS, subject).getSeq())
          .as("plain HTTP to an HTTPS port publishes nothing").isEqualTo(stored.getSeq());
    }
  }

  @Test
  void aPkcs1KeyAsGoToolsWriteItServes() throws Exception {
    List<WebhookRoute> routes = routes("{\"example\": {\"port\": \"%d\", \"endpoint\": \"/example\", \"method\": \"POST\", "
        + "\"serverCertSecret\": {\"name\": \"other\", \"key\": \"cert\"}, \"serverKeySecret\": {\"name\": \"tls\", \"key\": \"rsa\"}}}");
    try (WebhookServers servers = WebhookServers.start(vertx, "127.0.0.1", routes, new Publisher(bus))) {
      assertThat(servers.servers()).hasSize(1);
    }
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefusedNamingTheSecrets() {
    assertThatThrownBy(() -> routes("{\"example\": {\"port\": \"%d\", \"endpoint\": \"/example\", \"method\": \"POST\", "
        + "\"serverCertSecret\": {\"name\": \"tls\", \"key\": \"cert\"}, \"serverKeySecret\": {\"name\": \"other\", \"key\": \"key\"}}}"))
        .isInstanceOf(WebhookSpecException.class)
        .hasMessage("spec.webhook.example.serverKeySecret: is not the private key of the certificate in"
            + " spec.webhook.example.serverCertSecret; store the key that was issued with that certificate");
  }

  @Test
  void halfAPairOrAnythingButPemIsRefusedWithItsPath() {
    assertThatThrownBy(() -> routes("{\"e\": {\"port\": \"%d\", \"endpoint\": \"/e\", \"method\": \"POST\", "
        + "\"serverCertSecret\": {\"name\": \"tls\", \"key\": \"cert\"}}}"))
        .hasMessageContaining("spec.webhook.e.serverKeySecret: is required when serverCertSecret is set");
    assertThatThrownBy(() -> routes("{\"e\": {\"port\": \"%d\", \"endpoint\": \"/e\", \"method\": \"POST\", "
        + "\"serverCertSecret\": {\"name\": \"broken\", \"key\": \"cert\"}, \"serverKeySecret\": {\"name\": \"tls\", \"key\": \"key\"}}}"))
        .hasMessageContaining("spec.webhook.e.serverCertSecret: ").hasMessageContaining("PEM certificate");
    assertThatThrownBy(() -> routes("{\"e\": {\"port\": \"%d\", \"endpoint\": \"/e\", \"method\": \"POST\", "
        + "\"serverCertSecret\": {\"name\": \"tls\", \"key\": \"cert\"}, \"serverKeySecret\": {\"name\": \"tls\", \"key\": \"missing\"}}}"))
        .hasMessageContaining("spec.webhook.e.serverKeySecret: secret 'tls' has no key 'missing'");
  }

  @Test
  void routesOfOnePortMustAgreeOnTheCertificate() {
    List<WebhookRoute> routes = routes("{\"a\": {\"port\": \"%1$d\", \"endpoint\": \"/a\", \"method\": \"POST\", " + TLS + "},"
        + " \"b\": {\"port\": \"%1$d\", \"endpoint\": \"/b\", \"method\": \"POST\"}}");
    assertThatThrownBy(() -> WebhookServers.validate(routes))
        .isInstanceOf(WebhookSpecException.class)
        .hasMessageContaining("spec.webhook.b.serverCertSecret: port")
        .hasMessageContaining("one port is one server");
  }

  @Test
  void changingTheRoutesOfAPortNeverClosesIt() throws Exception {
    List<WebhookRoute> one = routes("{\"a\": {\"port\": \"%d\", \"endpoint\": \"/a\", \"method\": \"POST\"}}");
    List<WebhookRoute> two = routes("{\"a\": {\"port\": \"%1$d\", \"endpoint\": \"/a\", \"method\": \"POST\"},"
        + " \"b\": {\"port\": \"%1$d\", \"endpoint\": \"/b\", \"method\": \"POST\"}}");
    try (WebhookServers servers = WebhookServers.start(vertx, "127.0.0.1", one, new Publisher(bus))) {
      WebhookServer server = servers.servers().get(0);
      assertThat(send(post(port, "/b", "{}")).statusCode()).isEqualTo(404);
      for (int i = 0; i < 20; i++) {
        servers.update(i % 2 == 0 ? two : one);
        // a fresh connection each time: a closed or re-bound port would refuse it or lose the request
        HttpResponse<String> a = HttpClient.newHttpClient().send(post(port, "/a", "{\"i\": " + i + "}").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as("update %d", i).isEqualTo(200);
        assertThat(send(post(port, "/b", "{}")).statusCode()).as("update %d", i).isEqualTo(i % 2 == 0 ? 200 : 404);
      }
      assertThat(servers.servers()).containsExactly(server);
    }
  }

  private HttpClient httpsClient() throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(certs.read("ca.pem").getBytes(StandardCharsets.UTF_8))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
