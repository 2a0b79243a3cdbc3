package io.quargo.eventsource.nats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.calendar.BusFixture;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** basic, token and nkey auth against nats-servers that require them; a wrong secret fails start with a message. */
@ExtendWith(NatsServerExtension.class)
class NatsAuthIT {

  @Test
  void tokenAuth(NatsTestServer nats) throws Exception {
    try (NatsTestServer secured = NatsServers.dedicated(List.of("authorization { token: \"s3cret\" }"))) {
      receivesOne(nats, secured, "token", "{\"token\": {\"name\": \"s\", \"key\": \"token\"}}",
          Map.of("token", "s3cret"), Options.builder().token("s3cret".toCharArray()));
    }
  }

  @Test
  void basicAuth(NatsTestServer nats) throws Exception {
    try (NatsTestServer secured = NatsServers.dedicated(
        List.of("authorization { user: \"argo\", password: \"pa55\" }"))) {
      receivesOne(nats, secured, "basic", "{\"basic\": {\"username\": {\"name\": \"s\", \"key\": \"u\"},"
          + " \"password\": {\"name\": \"s\", \"key\": \"p\"}}}", Map.of("u", "argo", "p", "pa55"),
          Options.builder().userInfo("argo", "pa55"));
    }
  }

  @Test
  void nkeyAuth(NatsTestServer nats) throws Exception {
    NKey user = NKey.createUser(new SecureRandom());
    String publicKey = new String(user.getPublicKey());
    try (NatsTestServer secured = NatsServers.dedicated(
        List.of("authorization { users: [ { nkey: \"" + publicKey + "\" } ] }"))) {
      receivesOne(nats, secured, "nkey", "{\"nkey\": {\"name\": \"s\", \"key\": \"seed\"}}",
          Map.of("seed", new String(user.getSeed())),
          Options.builder().authHandler(Nats.staticCredentials(null, user.getSeed())));
    }
  }

  @Test
  void aWrongPasswordFailsStartWithTheServersAnswer(NatsTestServer nats) throws Exception {
    try (NatsTestServer secured = NatsServers.dedicated(
        List.of("authorization { user: \"argo\", password: \"pa55\" }"))) {
      NatsSpec spec = spec(secured, "{\"basic\": {\"username\": {\"name\": \"s\", \"key\": \"u\"},"
          + " \"password\": {\"name\": \"s\", \"key\": \"p\"}}}", Map.of("u", "argo", "p", "wrong"), "wrong",
          "\"connectionBackoff\": {\"duration\": \"10ms\", \"steps\": 1}, ");
      try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec)) {
        assertThatThrownBy(() -> adapter.start(bus.sink("wrong", "natsy")))
            .hasMessageStartingWith("spec.nats.e: cannot connect to the nats server at " + secured.url())
            .hasMessageContaining("Authorization Violation");
      }
    }
  }

  private static NatsSpec spec(NatsTestServer server, String auth, Map<String, String> secrets, String namespace,
      String extra) throws Exception {
    return new NatsSpecParser((ns, name, key) -> secrets.get(key)).parse(NatsSpecParserTest.eventSource("{\"e\": {"
        + extra + "\"url\": \"" + server.url() + "\", \"subject\": \"a\", \"auth\": " + auth + "}}")).get(0)
        .withNamespace(namespace);
  }

  private static void receivesOne(NatsTestServer nats, NatsTestServer secured, String namespace, String auth,
      Map<String, String> secrets, Options.Builder publisherAuth) throws Exception {
    NatsSpec spec = spec(secured, auth, secrets, namespace, "");
    try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec, NatsSourceIT.FAST);
        Connection publisher = Nats.connect(publisherAuth.server(secured.url()).build())) {
      adapter.start(bus.sink(namespace, "natsy"));
      publisher.publish("a", "x".getBytes(StandardCharsets.UTF_8));
      await().until(() -> bus.stored(namespace, "natsy", "e").size() == 1);
    }
  }

  @Test
  void jetStreamOnAServerWithoutItIsReported(NatsTestServer nats) throws Exception {
    // a server whose only account has JetStream switched off
    try (NatsTestServer plain = NatsServers.dedicated(List.of("accounts { A { users: [ { user: u, password: p } ],"
        + " jetstream: disabled } }"))) {
      NatsSpec spec = spec(plain, "{\"basic\": {\"username\": {\"name\": \"s\", \"key\": \"u\"},"
          + " \"password\": {\"name\": \"s\", \"key\": \"p\"}}}", Map.of("u", "u", "p", "p"), "nojs",
          "\"jetStream\": {\"stream\": \"S\"}, ");
      try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec)) {
        assertThatThrownBy(() -> adapter.start(bus.sink("nojs", "natsy")))
            .hasMessageStartingWith("spec.nats.e: cannot consume from " + plain.url())
            .hasMessageEndingWith("check that JetStream is enabled on that server");
      }
    }
  }
}
