package io.quargo.eventsource.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.redis.RedisServerProcess;
import io.quargo.kube.ClusterAccess;
import io.quargo.eventbus.testkit.TestCertificates;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A TLS source whose CA secret does not vouch for the server: the EventSource's status says which field to fix. */
@ExtendWith(NatsServerExtension.class)
class EventSourceTlsStatusIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @TempDir
  Path dir;

  @Test
  void aWrongCaIsAStatusMessageNamingTheSecretField(NatsTestServer nats) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    TestCertificates other = TestCertificates.create(Files.createDirectory(dir.resolve("other")));
    Map<String, String> secrets = Map.of("redis-tls/ca.crt", other.read("ca.pem"));
    Vertx vertx = Vertx.vertx();
    try (RedisServerProcess redis = RedisServerProcess.startTls(certs, "server.pem", "server.key", false);
        BusFixture bus = BusFixture.connect(nats);
        EventSourceManager manager = new EventSourceManager(bus.bus(), new NatsResourceStore(bus.bus(), "tls" + suffix,
            5), vertx, "127.0.0.1", (ns, name, key) -> secrets.get(name + "/" + key))
            .withCluster(ClusterAccess.none()).withMeterRegistry(new SimpleMeterRegistry())
            .withLeases(LeaseSettings.defaults().withBucket("tls-leases-" + suffix)).start()) {
      NatsResourceStore store = new NatsResourceStore(bus.bus(), "tls" + suffix, 5);
      store.create(ManifestLoader.load("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: cache, namespace: team}
          spec:
            redis:
              example:
                hostAddress: localhost:%d
                channels: [orders]
                tls:
                  caCertSecret: {name: redis-tls, key: ca.crt}
          """.formatted(redis.port()), "tls.yaml").get(0).resource());

      await().atMost(Duration.ofSeconds(60)).until(() -> status(store).has("phase"));
      JsonNode status = status(store);
      assertThat(status.path("phase").asText()).isEqualTo("Degraded");
      assertThat(status.path("message").asText()).startsWith("redis.example: team/cache redis.example: cannot"
          + " subscribe at tls localhost:" + redis.port() + "/0: TLS to localhost:" + redis.port() + " failed: the"
          + " server's certificate is not signed by the CA in spec.redis.example.tls.caCertSecret; put the PEM of"
          + " the CA that signed the server's certificate in that secret").doesNotContain("\n");
      assertThat(status.path("adapters").asInt()).isZero();
    } finally {
      vertx.close();
    }
  }

  private static JsonNode status(NatsResourceStore store) {
    return store.get(ArgoKinds.EVENT_SOURCE, "team", "cache").map(Resource::status).orElseThrow();
  }
}
