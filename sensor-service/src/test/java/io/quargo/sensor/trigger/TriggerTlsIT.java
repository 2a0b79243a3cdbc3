package io.quargo.sensor.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsMaterial;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.testkit.TestCertificates;
import io.quargo.sensor.HttpSink;
import io.quargo.sensor.spec.SensorSpecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http and nats triggers' {@code tls} block against real TLS servers (a JDK HTTPS server, a nats-server with a
 * TLS listener), with certificates made by openssl: a private CA, client certificates, insecureSkipVerify, and
 * the errors that name the field to fix. Also the nats trigger's nkey login.
 */
class TriggerTlsIT {
  private static final String HTTP = "spec.triggers[0].template.http";
  private static final String MUTUAL = "{caCertSecret: {name: tls, key: ca}, clientCertSecret: {name: tls, key: cert},"
      + " clientKeySecret: {name: tls, key: key}}";

  @TempDir
  static Path dir;
  static TestCertificates certs;
  static SecretResolver secrets;
  static NKey nkey;

  @BeforeAll
  static void certificates() throws Exception {
    certs = TestCertificates.create(dir);
    nkey = NKey.createUser(null);
    Map<String, String> values = Map.of("ca", certs.read("ca.pem"), "cert", certs.read("client.pem"),
        "key", certs.read("client-pkcs1.key"), "server-key", certs.read("server.key"),
        "seed", new String(nkey.getSeed()));
    secrets = (ns, name, key) -> name.equals("tls") ? values.get(key) : null;
  }

  /** The server's side: its certificate, and the test CA to check client certificates against. */
  private static SSLContext serverTls() {
    return PemSslContext.create(TlsMaterial.of("server", certs.read("ca.pem"), certs.read("server.pem"),
        certs.read("server.key"), false));
  }

  private static void fireHttp(HttpSink sink, String tls) {
    Fire.fire(new HttpTrigger(secrets), Fire.sensor("""
        template: {name: t, http: {url: '%s', payload: [{src: {dependencyName: dep, dataKey: body.n}, dest: n}],
          tls: %s}}
        """.formatted(sink.url("/hook"), tls)));
  }

  @Test
  void httpsToAServerOfAPrivateCaThatDemandsAClientCertificate() {
    try (HttpSink sink = new HttpSink(serverTls(), true)) {
      fireHttp(sink, MUTUAL);
      assertThat(sink.requests).singleElement().satisfies(r -> {
        assertThat(r.header(HttpTrigger.TRIGGER_ID_HEADER)).isEqualTo("exec-key-1");
        assertThat(r.body()).isEqualTo("{\"n\":\"7\"}");
      });
    }
  }

  @Test
  void withoutTheCaTheServerIsNotTrustedAndTheErrorNamesCaCertSecret() {
    try (HttpSink sink = new HttpSink(serverTls(), false)) {
      assertThatThrownBy(() -> fireHttp(sink, "{clientCertSecret: {name: tls, key: cert},"
          + " clientKeySecret: {name: tls, key: key}}"))
          .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isFalse())
          .hasMessageContaining("the server's certificate is not signed by a CA the JVM trusts by default; set "
              + HTTP + ".tls.caCertSecret");
      assertThat(sink.requests).isEmpty();
    }
  }

  @Test
  void aServerDemandingAClientCertificateRefusesACallWithoutOne() {
    try (HttpSink sink = new HttpSink(serverTls(), true)) {
      assertThatThrownBy(() -> fireHttp(sink, "{caCertSecret: {name: tls, key: ca}}"))
          .isInstanceOf(TriggerFailure.class).hasMessageContaining(HTTP + ".tls.clientCertSecret");
      assertThat(sink.requests).isEmpty();
    }
  }

  @Test
  void insecureSkipVerifyTrustsAnyServer() {
    try (HttpSink sink = new HttpSink(serverTls(), false)) {
      fireHttp(sink, "{insecureSkipVerify: true}");
      assertThat(sink.requests).hasSize(1);
    }
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsAPermanentErrorNamingTheKeyField() {
    try (HttpSink sink = new HttpSink(serverTls(), true)) {
      assertThatThrownBy(() -> fireHttp(sink, "{caCertSecret: {name: tls, key: ca}, clientCertSecret: {name: tls,"
          + " key: cert}, clientKeySecret: {name: tls, key: server-key}}"))
          .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isTrue())
          .hasMessageStartingWith(HTTP + ".tls.clientKeySecret: is not the private key of the certificate in "
              + HTTP + ".tls.clientCertSecret");
    }
  }

  @Test
  void aTlsBlockThatCanNeverWorkIsRefusedWhenTheSensorStarts() {
    try (HttpSink sink = new HttpSink()) {
      assertThatThrownBy(() -> fireHttp(sink, "{caCertPath: /etc/ca.pem}")).isInstanceOf(SensorSpecException.class)
          .hasMessage(HTTP + ".tls.caCertPath: is the file-path form older Argo Events versions read; put the PEM in"
              + " a Secret and name it with caCertSecret: {name, key}");
      assertThatThrownBy(() -> fireHttp(sink, "{clientCertSecret: {name: tls, key: cert}}"))
          .isInstanceOf(SensorSpecException.class)
          .hasMessage(HTTP + ".tls: clientCertSecret and clientKeySecret go together; set both or neither");
      assertThatThrownBy(() -> fireHttp(sink, "{}")).isInstanceOf(SensorSpecException.class)
          .hasMessageStartingWith(HTTP + ".tls: names no secret");
      assertThatThrownBy(() -> fireHttp(sink, "{insecureSkipVerify: 'yes'}")).isInstanceOf(SensorSpecException.class)
          .hasMessage(HTTP + ".tls.insecureSkipVerify: must be true or false, got \"yes\"");
      assertThat(sink.requests).isEmpty();
    }
  }

  @Test
  void natsOverMutualTls() throws Exception {
    List<String> tls = List.of("tls {", "  cert_file: \"" + certs.path("server.pem") + "\"",
        "  key_file: \"" + certs.path("server.key") + "\"", "  ca_file: \"" + certs.path("ca.pem") + "\"",
        "  verify: true", "}");
    SSLContext client = PemSslContext.create(TlsMaterial.of("test", certs.read("ca.pem"), certs.read("client.pem"),
        certs.read("client-pkcs1.key"), false));
    try (NatsTestServer target = NatsServers.dedicated(tls);
        Connection sub = Nats.connect(Options.builder().server(target.url()).sslContext(client).build());
        NatsTrigger trigger = new NatsTrigger(secrets)) {
      Subscription s = sub.subscribe("secure");
      sub.flush(Duration.ofSeconds(5));
      Fire.fire(trigger, Fire.sensor("""
          template: {name: t, nats: {url: '%s', subject: secure, tls: %s,
            payload: [{src: {dependencyName: dep, dataKey: body.name}, dest: who}]}}
          """.formatted(target.url().replaceFirst("^nats://", ""), MUTUAL)));
      Message m = s.nextMessage(Duration.ofSeconds(10));
      assertThat(m).isNotNull();
      assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"who\":\"Obi\"}");
    }
  }

  @Test
  void natsWithoutTheCaNamesCaCertSecret() throws Exception {
    List<String> tls = List.of("tls {", "  cert_file: \"" + certs.path("server.pem") + "\"",
        "  key_file: \"" + certs.path("server.key") + "\"", "}");
    try (NatsTestServer target = NatsServers.dedicated(tls); NatsTrigger trigger = new NatsTrigger(secrets)) {
      assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor("""
          template: {name: t, nats: {url: '%s', subject: s, tls: {clientCertSecret: {name: tls, key: cert},
            clientKeySecret: {name: tls, key: key}}}}
          """.formatted(target.url()))))
          .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isFalse())
          .hasMessageContaining("spec.triggers[0].template.nats.tls.caCertSecret");
    }
  }

  @Test
  void natsLogsInWithAnNkeySeedFromASecret() throws Exception {
    List<String> auth = List.of("authorization { users = [ { nkey: \"" + new String(nkey.getPublicKey()) + "\" } ] }");
    try (NatsTestServer target = NatsServers.dedicated(auth);
        Connection sub = Nats.connect(Options.builder().server(target.url())
            .authHandler(Nats.staticCredentials(null, nkey.getSeed())).build());
        NatsTrigger trigger = new NatsTrigger(secrets)) {
      Subscription s = sub.subscribe("keyed");
      sub.flush(Duration.ofSeconds(5));
      Fire.fire(trigger, Fire.sensor("""
          template: {name: t, nats: {url: '%s', subject: keyed, auth: {nkey: {name: tls, key: seed}}}}
          """.formatted(target.url())));
      assertThat(s.nextMessage(Duration.ofSeconds(10))).isNotNull();
      assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor("""
          template: {name: t, nats: {url: '%s', subject: keyed, auth: {nkey: {name: tls, key: seed},
            token: {name: tls, key: seed}}}}
          """.formatted(target.url())))).isInstanceOf(SensorSpecException.class)
          .hasMessage("spec.triggers[0].template.nats.auth: must be an object with exactly one of"
              + " [basic, token, nkey, credential]");
    }
  }
}
