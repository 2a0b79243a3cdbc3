package io.quargo.eventsource.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.redis.RedisServerProcess;
import io.quargo.eventsource.redis.RespConnection;
import io.quargo.kube.ClusterAccess;
import io.quargo.core.secret.SecretResolver;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two eventsource-service replicas (two managers, each with its own bus connection) on one nats-server and one
 * Redis: a redisStream source runs on exactly one of them, moves to the other when the holder closes or dies,
 * stops when its lease is lost, and every stream entry reaches the bus exactly once across the handovers.
 */
@ExtendWith(NatsServerExtension.class)
class EventSourceLeasesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration TTL = Duration.ofSeconds(1);

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String stream = "leases-it-" + suffix;
  private final String leaseBucket = "es-leases-" + suffix;
  private final String name = "streams-" + suffix;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();
  private RedisServerProcess redis;
  private RespConnection commands;
  private BusFixture fixture;
  private NatsTestServer nats;

  @BeforeEach
  void start(NatsTestServer nats) throws Exception {
    this.nats = nats;
    redis = RedisServerProcess.start();
    commands = redis.connect();
    fixture = BusFixture.connect(nats);
    NatsResourceStore store = new NatsResourceStore(fixture.bus(), "leases" + suffix, 5);
    store.create(ManifestLoader.load("""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata: {name: %s, namespace: team}
        spec:
          redisStream:
            orders:
              hostAddress: %s
              streams: [%s]
        """.formatted(name, redis.hostAddress(), stream), "leases.yaml").get(0).resource());
  }

  @AfterEach
  void stop() throws Exception {
    java.util.Collections.reverse(closing);
    for (AutoCloseable c : closing) {
      try {
        c.close();
      } catch (Exception e) {
        // a killed replica's connection is already gone
      }
    }
    vertx.close();
    commands.command("DEL", stream);
    commands.close();
    redis.close();
    fixture.close();
  }

  /** A replica: its own bus connection, store view and manager. */
  private record Replica(String id, BusConnection bus, EventSourceManager manager, String name) {
    int running() {
      return manager.runningAdapters("team", name);
    }
  }

  private Replica replica(String id) throws Exception {
    BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
    closing.add(bus);
    EventSourceManager manager = new EventSourceManager(bus, new NatsResourceStore(bus, "leases" + suffix, 5), vertx,
        "127.0.0.1", SecretResolver.none()).withCluster(ClusterAccess.none())
        .withLeases(new LeaseSettings(leaseBucket, TTL, id)).start();
    closing.add(manager);
    return new Replica(id, bus, manager, name);
  }

  @Test
  void onlyTheHolderConsumesAndTheOtherTakesOverWhenItCloses() throws Exception {
    Replica a = replica("replica-a");
    Replica b = replica("replica-b");
    await().atMost(WAIT).until(() -> a.running() + b.running() == 1);
    Replica holder = a.running() == 1 ? a : b;
    Replica other = holder == a ? b : a;
    await().atMost(WAIT).until(() -> status().path("leaseHolder").asText().equals(holder.id()));
    addNumbers(0, 10);
    await().atMost(WAIT).untilAsserted(() -> assertThat(numbers()).hasSize(10));
    assertThat(other.running()).isZero();

    addNumbers(10, 15);
    holder.manager().close();
    addNumbers(15, 20);
    await().atMost(WAIT).until(() -> other.running() == 1);
    await().atMost(WAIT).until(() -> status().path("leaseHolder").asText().equals(other.id()));
    addNumbers(20, 25);
    await().atMost(WAIT).untilAsserted(() -> assertThat(numbers()).hasSize(25));
    assertThat(numbers()).containsExactlyInAnyOrderElementsOf(range(0, 25));
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
  }

  @Test
  void aKilledHolderIsReplacedAfterItsLeaseExpires() throws Exception {
    Replica a = replica("replica-a");
    await().atMost(WAIT).until(() -> a.running() == 1);
    Replica b = replica("replica-b");
    addNumbers(0, 5);
    await().atMost(WAIT).untilAsserted(() -> assertThat(numbers()).hasSize(5));
    assertThat(b.running()).isZero();

    a.bus().close(); // the holder dies: no release, no renewals, its publishes fail
    addNumbers(5, 15);
    await().atMost(WAIT).until(() -> b.running() == 1);
    await().atMost(WAIT).until(() -> a.running() == 0);
    addNumbers(15, 20);
    await().atMost(WAIT).untilAsserted(() -> assertThat(numbers()).hasSize(20));
    assertThat(numbers()).containsExactlyInAnyOrderElementsOf(range(0, 20));
  }

  @Test
  void aLostLeaseStopsTheAdapterUntilTheLeaseIsFreeAgain() throws Exception {
    Replica a = replica("replica-a");
    await().atMost(WAIT).until(() -> a.running() == 1);
    addNumbers(0, 3);
    await().atMost(WAIT).untilAsserted(() -> assertThat(numbers()).hasSize(3));

    KvBucket leases = KvBucket.open(fixture.bus(), leaseBucket);
    Instant now = Instant.now();
    ObjectNode intruder = Json.object().put("holder", "intruder").put("acquiredAt", now.toString())
        .put("renewedAt", now.toString()).put("expiresAt", now.plus(Duration.ofHours(1)).toString());
    leases.put("team/" + name, Json.bytes(intruder)); // taken over behind the holder's back
    await().atMost(WAIT).until(() -> a.running() == 0);

    String late = xadd(3);
    Thread.sleep(3 * TTL.toMillis()); // nothing to wait for: that nobody reads the entry is the point
    assertThat(numbers()).hasSize(3);
    assertThat(lastDelivered()).isNotEqualTo(late);

    leases.delete("team/" + name);
    await().atMost(WAIT).until(() -> a.running() == 1);
    await().atMost(WAIT).untilAsserted(() -> assertThat(numbers()).containsExactlyInAnyOrderElementsOf(range(0, 4)));
  }

  private com.fasterxml.jackson.databind.JsonNode status() throws Exception {
    return new NatsResourceStore(fixture.bus(), "leases" + suffix, 5).get(ArgoKinds.EVENT_SOURCE, "team", name)
        .map(Resource::status).orElseThrow();
  }

  private List<Integer> numbers() throws Exception {
    return fixture.stored("team", name, "orders").stream().map(CloudEvent::data)
        .map(d -> Integer.parseInt(d.path("values").path("n").asText())).toList();
  }

  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }

  private void addNumbers(int from, int to) throws Exception {
    for (int n = from; n < to; n++) {
      xadd(n);
    }
  }

  private String xadd(int n) throws Exception {
    return commands.command("XADD", stream, "*", "n", Integer.toString(n)).toString();
  }

  private long pending() throws Exception {
    return (Long) ((List<?>) commands.command("XPENDING", stream, "argo-events-cg")).get(0);
  }

  /** The consumer group's last-delivered-id: which entry the group handed out last. */
  private String lastDelivered() throws Exception {
    List<?> groups = (List<?>) commands.command("XINFO", "GROUPS", stream);
    List<?> group = (List<?>) groups.get(0);
    for (int i = 0; i + 1 < group.size(); i += 2) {
      if ("last-delivered-id".equals(group.get(i).toString())) {
        return group.get(i + 1).toString();
      }
    }
    throw new AssertionError("no last-delivered-id in " + group);
  }
}
