package io.quargo.eventsource.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.calendar.BusFixture;
import io.quargo.core.tls.PemSslContext;
import io.quargo.eventbus.testkit.TestCertificates;
import io.quargo.core.secret.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The nats source over mutual TLS, with the PEM secrets Argo's example names. */
@ExtendWith(NatsServerExtension.class)
class NatsTlsIT {
  @TempDir
  Path dir;

  @Test
  void mutualTlsWithCaClientCertAndPkcs1Key(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    List<String> tls = List.of("tls {", "  cert_file: \"" + certs.path("server.pem") + "\"",
        "  key_file: \"" + certs.path("server.key") + "\"", "  ca_file: \"" + certs.path("ca.pem") + "\"",
        "  verify: true", "}");
    Map<String, String> secrets = Map.of("ca-cert-key", certs.read("ca.pem"), "client-cert-key",
        certs.read("client.pem"), "client-key-key", certs.read("client-pkcs1.key"));
    try (NatsTestServer upstream = NatsServers.dedicated(tls)) {
      SecretResolver resolver = (ns, name, key) -> secrets.get(key);
      NatsSpec spec = new NatsSpecParser(resolver).parse(NatsSpecParserTest.eventSource("{\"e\": {\"url\": \""
          + upstream.url() + "\", \"subject\": \"secure\", \"tls\": {\"caCertSecret\": {\"name\": \"s\", \"key\":"
          + " \"ca-cert-key\"}, \"clientCertSecret\": {\"name\": \"s\", \"key\": \"client-cert-key\"},"
          + " \"clientKeySecret\": {\"name\": \"s\", \"key\": \"client-key-key\"}}}}")).get(0).withNamespace("tls");
      try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec, NatsSourceIT.FAST);
          Connection client = Nats.connect(Options.builder().server(upstream.url())
              .sslContext(PemSslContext.create(spec.tls())).build())) {
        adapter.start(bus.sink("tls", "natsy"));
        client.publish("secure", "s".getBytes(StandardCharsets.UTF_8));
        await().until(() -> bus.stored("tls", "natsy", "e").size() == 1);
        assertThat(bus.stored("tls", "natsy", "e").get(0).data().get("subject").asText()).isEqualTo("secure");
      }
    }
  }

  @Test
  void aServerOfAnotherCaIsRefusedNamingCaCertSecret(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    List<String> tls = List.of("tls {", "  cert_file: \"" + certs.path("server.pem") + "\"",
        "  key_file: \"" + certs.path("server.key") + "\"", "}");
    Map<String, String> secrets = Map.of("cert", certs.read("client.pem"), "key", certs.read("client.key"));
    try (NatsTestServer upstream = NatsServers.dedicated(tls)) {
      // a client certificate but no caCertSecret: the JVM's default CAs do not know the test CA
      NatsSpec spec = new NatsSpecParser((ns, name, key) -> secrets.get(key)).parse(NatsSpecParserTest.eventSource(
          "{\"e\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"x\", \"connectionBackoff\": {\"steps\": 1},"
              + " \"tls\": {\"clientCertSecret\": {\"name\": \"s\", \"key\": \"cert\"}, \"clientKeySecret\":"
              + " {\"name\": \"s\", \"key\": \"key\"}}}}")).get(0);
      try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec)) {
        assertThatThrownBy(() -> adapter.start(bus.sink("tls", "natsy")))
            .hasMessageStartingWith("spec.nats.e: TLS to " + upstream.url() + " failed: the server's certificate is"
                + " not signed by a CA the JVM trusts by default; set spec.nats.e.tls.caCertSecret");
      }
    }
  }

  @Test
  void aBadKeySecretNamesItsField(NatsTestServer nats) throws Exception {
    Map<String, String> secrets = Map.of("cert", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "key", "not a key");
    NatsSpec spec = new NatsSpecParser((ns, name, key) -> secrets.get(key)).parse(NatsSpecParserTest.eventSource(
        "{\"e\": {\"url\": \"nats://127.0.0.1:1\", \"subject\": \"x\", \"tls\": {\"clientCertSecret\":"
            + " {\"name\": \"s\", \"key\": \"cert\"}, \"clientKeySecret\": {\"name\": \"s\", \"key\": \"key\"}}}}")).get(0);
    try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec)) {
      assertThatThrownBy(() -> adapter.start(bus.sink("tls", "natsy")))
          .hasMessage("spec.nats.e.tls.clientKeySecret: is not an unencrypted PEM private key");
    }
  }
}
