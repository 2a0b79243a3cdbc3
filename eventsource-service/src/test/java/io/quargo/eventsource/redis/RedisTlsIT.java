package io.quargo.eventsource.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventbus.testkit.TestCertificates;
import io.quargo.eventsource.tls.TlsSpec;
import io.quargo.core.secret.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The redis and redisStream sources over TLS to a private redis-server with only a TLS port. */
@ExtendWith(NatsServerExtension.class)
class RedisTlsIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "secure-" + suffix;
  private final String name = "quargo-tls-" + suffix;

  @TempDir
  Path dir;

  @Test
  void pubSubOverMutualTlsDeliversAnEvent(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (RedisServerProcess redis = RedisServerProcess.startTls(certs, "server.pem", "server.key", true);
        BusFixture bus = BusFixture.connect(nats);
        RedisPubSubAdapter adapter = new RedisPubSubAdapter(new RedisSpecParser(secrets(certs)).parsePubSub(
            Specs.eventSource("team", eventSource, "redis", "{\"example\": {\"hostAddress\": \"localhost:" + redis.port
                + "\", \"channels\": [\"" + name + "\"], \"tls\": " + tlsBlock(true) + "}}")).get(0));
        RespConnection commands = commands(redis, certs)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      commands.command("PUBLISH", name, "over tls");

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("redis");
      assertThat(event.data().get("body").asText()).isEqualTo("over tls");
    }
  }

  @Test
  void streamOverTlsDeliversAnEvent(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (RedisServerProcess redis = RedisServerProcess.startTls(certs, "server.pem", "server.key", false);
        BusFixture bus = BusFixture.connect(nats);
        RedisStreamAdapter adapter = new RedisStreamAdapter(new RedisSpecParser(secrets(certs)).parseStreams(
            Specs.eventSource("team", eventSource, "redisStream", "{\"example\": {\"hostAddress\": \"127.0.0.1:"
                + redis.port + "\", \"streams\": [\"" + name + "\"], \"tls\": " + tlsBlock(false) + "}}")).get(0));
        RespConnection commands = commands(redis, certs)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      commands.command("XADD", name, "*", "door", "open");

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("redisStream");
      assertThat(event.data().at("/values/door").asText()).isEqualTo("open");
    }
  }

  @Test
  void aWrongCaFailsTheStartNamingTheSecretField() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    TestCertificates other = TestCertificates.create(Files.createDirectory(dir.resolve("other")));
    try (RedisServerProcess redis = RedisServerProcess.startTls(certs, "server.pem", "server.key", false);
        RedisPubSubAdapter adapter = pubSub("localhost:" + redis.port, secrets(other))) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/" + eventSource + " redis.example: cannot subscribe at tls localhost:"
              + redis.port + "/0: TLS to localhost:" + redis.port + " failed: the server's certificate is not signed"
              + " by the CA in spec.redis.example.tls.caCertSecret; put the PEM of the CA that signed the server's"
              + " certificate in that secret (or set spec.redis.example.tls.insecureSkipVerify: true to skip"
              + " verification) [PKIX path")
          .message().doesNotContain("\n");
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefusedUnlessVerificationIsSkipped() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    // client.pem is signed by the CA but names no host: as a server certificate it fits no address
    try (RedisServerProcess redis = RedisServerProcess.startTls(certs, "client.pem", "client.key", false)) {
      try (RedisPubSubAdapter adapter = pubSub("127.0.0.1:" + redis.port, secrets(certs))) {
        assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
            .hasMessageContaining("TLS to 127.0.0.1:" + redis.port + " failed: the server's certificate does not name"
                + " this host; connect by a name or IP its subjectAltName lists, or reissue the certificate for it"
                + " (spec.redis.example.tls.insecureSkipVerify: true skips the check)");
      }
      RedisSource insecure = new RedisSpecParser(secrets(certs)).parsePubSub(Specs.eventSource("team", eventSource,
          "redis", "{\"example\": {\"hostAddress\": \"127.0.0.1:" + redis.port + "\", \"channels\": [\"" + name
              + "\"], \"tls\": {\"insecureSkipVerify\": true}}}")).get(0);
      try (RedisPubSubAdapter adapter = new RedisPubSubAdapter(insecure)) {
        adapter.start(event -> CompletableFuture.completedFuture(null));
      }
    }
  }

  @Test
  void tlsToAPlainServerSaysItDoesNotSpeakTls() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    try (RedisServerProcess redis = RedisServerProcess.start();
        RedisPubSubAdapter adapter = pubSub(redis.hostAddress(), secrets(certs))) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageContaining("TLS to " + redis.hostAddress() + " failed: the server did not answer in TLS; connect"
              + " to its TLS port, or remove spec.redis.example.tls if the server speaks plain text [no answer to the"
              + " TLS hello: Read timed out]");
    }
  }

  private RedisPubSubAdapter pubSub(String hostAddress, SecretResolver secrets) {
    return new RedisPubSubAdapter(new RedisSpecParser(secrets).parsePubSub(Specs.eventSource(
        "team", eventSource, "redis", "{\"example\": {\"hostAddress\": \"" + hostAddress + "\", \"channels\": [\""
            + name + "\"], \"tls\": " + tlsBlock(false) + "}}")).get(0));
  }

  private static SecretResolver secrets(TestCertificates certs) {
    Map<String, String> values = Map.of("ca", certs.read("ca.pem"), "cert", certs.read("client.pem"), "key",
        certs.read("client.key"));
    return (namespace, name, key) -> values.get(key);
  }

  private static String tlsBlock(boolean clientCertificate) {
    return "{\"caCertSecret\": {\"name\": \"redis-tls\", \"key\": \"ca\"}" + (clientCertificate
        ? ", \"clientCertSecret\": {\"name\": \"redis-tls\", \"key\": \"cert\"},"
            + " \"clientKeySecret\": {\"name\": \"redis-tls\", \"key\": \"key\"}"
        : "") + "}";
  }

  /** The test's own connection, with the client certificate. */
  private static RespConnection commands(RedisServerProcess redis, TestCertificates certs) throws Exception {
    TlsSpec tls = new TlsSpec("test", certs.read("ca.pem"), certs.read("client.pem"), certs.read("client.key"), false);
    return RespConnection.open(new RedisEndpoint("localhost", redis.port, 0, null, null, tls), Duration.ofSeconds(10));
  }
}
