package io.quargo.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection from config against real servers that require a token, a password or (mutual) TLS. */
class BusAuthIT {

  @Test
  void tokenAuth() {
    try (NatsTestServer nats = NatsServers.dedicated(List.of("authorization { token: \"s3cret-token\" }"))) {
      assertThat(connectWith(nats, Map.of("quargo.bus.token", "s3cret-token"))).isTrue();
      assertThatThrownBy(() -> connectWith(nats, Map.of("quargo.bus.token", "wrong")))
          .isInstanceOf(BusException.class).hasMessageContaining("cannot connect to NATS");
      assertThatThrownBy(() -> connectWith(nats, Map.of())).isInstanceOf(BusException.class);
    }
  }

  @Test
  void userPasswordAuth() {
    try (NatsTestServer nats = NatsServers.dedicated(
        List.of("authorization { user: argo, password: \"pa55word\" }"))) {
      assertThat(connectWith(nats, Map.of("quargo.bus.user", "argo", "quargo.bus.password", "pa55word"))).isTrue();
      assertThatThrownBy(() -> connectWith(nats, Map.of("quargo.bus.user", "argo", "quargo.bus.password", "nope")))
          .isInstanceOf(BusException.class)
          .hasMessageNotContaining("nope");
    }
  }

  @Test
  void mutualTls(@TempDir Path dir) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (NatsTestServer nats = NatsServers.dedicated(List.of("tls {",
        "  cert_file: \"" + certs.serverCert() + "\"",
        "  key_file: \"" + certs.serverKey() + "\"",
        "  ca_file: \"" + certs.caPem() + "\"",
        "  verify: true",
        "}"))) {
      Map<String, String> tls = Map.of(
          "quargo.bus.tls.ca-file", certs.caPem().toString(),
          "quargo.bus.tls.cert-file", certs.clientCert().toString(),
          "quargo.bus.tls.key-file", certs.clientKey().toString());
      assertThat(connectWith(nats, tls)).isTrue();
      // the server insists on a client certificate
      assertThatThrownBy(() -> connectWith(nats, Map.of("quargo.bus.tls.ca-file", certs.caPem().toString())))
          .isInstanceOf(BusException.class);
      // and the client insists on a server it can verify
      assertThatThrownBy(() -> connectWith(nats, Map.of()))
          .isInstanceOf(BusException.class);
    }
  }

  @Test
  void unreadableTlsMaterialIsAClearError(@TempDir Path dir) {
    Map<String, String> props = Map.of("quargo.bus.url", "nats://127.0.0.1:1",
        "quargo.bus.tls.ca-file", dir.resolve("missing.pem").toString());
    assertThatThrownBy(() -> BusConnection.connect(BusConfig.from(props)))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("quargo.bus.tls")
        .hasMessageContaining("missing.pem");
  }

  /** True once connected with JetStream answering; throws the BusException otherwise. */
  private static boolean connectWith(NatsTestServer nats, Map<String, String> extra) {
    Map<String, String> props = new HashMap<>(extra);
    props.put("quargo.bus.url", nats.url());
    props.put("quargo.bus.connect-timeout", "2s");
    props.put("quargo.bus.max-reconnects", "0");
    try (BusConnection bus = BusConnection.connect(BusConfig.from(props))) {
      return bus.health().up();
    }
  }
}
