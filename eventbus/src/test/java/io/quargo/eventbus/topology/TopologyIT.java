package io.quargo.eventbus.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.nats.client.JetStreamApiException;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.Ensured.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class TopologyIT {
  private BusConnection bus;
  private Topology topology;
  private String id;

  @BeforeEach
  void connect(NatsTestServer nats) {
    bus = BusConnection.connect(BusConfig.of(nats.url()));
    topology = new Topology(bus);
    id = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() {
    bus.close();
  }

  @Test
  void ensureStreamTwiceCreatesOnceAndAppliesTheLimits() {
    StreamSpec spec = stream().withLimits(StreamLimits.defaults()
        .withMaxAge(Duration.ofHours(24)).withMaxBytes(64L << 20).withMaxMsgs(10_000)
        .withDuplicateWindow(Duration.ofMinutes(3)));

    Ensured<StreamInfo> first = topology.ensureStream(spec);
    Ensured<StreamInfo> second = topology.ensureStream(spec);

    assertThat(first.change()).isEqualTo(Change.CREATED);
    assertThat(second.change()).isEqualTo(Change.UNCHANGED);
    assertThat(second.changes()).isEmpty();
    StreamConfiguration stored = streamInfo(spec.name()).getConfiguration();
    assertThat(stored.getSubjects()).containsExactly("t" + id + ".>");
    assertThat(stored.getMaxAge()).isEqualTo(Duration.ofHours(24));
    assertThat(stored.getMaxBytes()).isEqualTo(64L << 20);
    assertThat(stored.getMaxMsgs()).isEqualTo(10_000);
    assertThat(stored.getDuplicateWindow()).isEqualTo(Duration.ofMinutes(3));
    assertThat(stored.getReplicas()).isEqualTo(1);
    assertThat(stored.getStorageType()).isEqualTo(StorageType.File);
    assertThat(stored.getRetentionPolicy()).isEqualTo(RetentionPolicy.Limits);
  }

  @Test
  void replicasEnsuringTheSameStreamAtOnceAllSucceed() throws Exception {
    StreamSpec spec = stream();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Ensured<StreamInfo>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> topology.ensureStream(spec)));
      }
      for (Future<Ensured<StreamInfo>> r : results) {
        assertThat(r.get().change()).isIn(Change.CREATED, Change.UNCHANGED);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(topology.ensureStream(spec).change()).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void updatesMutableLimitsOfAnExistingStreamAndKeepsItsMessages() throws Exception {
    StreamSpec spec = stream();
    topology.ensureStream(spec);
    bus.jetStream().publish("t" + id + ".a", new byte[] {1});

    StreamSpec changed = spec.withLimits(spec.limits().withMaxAge(Duration.ofHours(2)).withMaxBytes(1L << 30))
        .withDiscard(DiscardPolicy.New);
    Ensured<StreamInfo> update = topology.ensureStream(changed);

    assertThat(update.change()).isEqualTo(Change.UPDATED);
    assertThat(update.changes()).containsExactlyInAnyOrder(
        "discard old -> new", "max_age 168h -> 2h", "max_bytes -1 -> 1073741824");
    StreamInfo info = streamInfo(spec.name());
    assertThat(info.getConfiguration().getMaxAge()).isEqualTo(Duration.ofHours(2));
    assertThat(info.getConfiguration().getMaxBytes()).isEqualTo(1L << 30);
    assertThat(info.getConfiguration().getDiscardPolicy()).isEqualTo(DiscardPolicy.New);
    assertThat(info.getStreamState().getMsgCount()).isEqualTo(1);
    assertThat(topology.ensureStream(changed).change()).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void refusesReplicasOnASingleServerWithoutCreatingAnything() {
    assumeFalse(topology.server().clustered(), "the test server is clustered");
    StreamSpec spec = stream().withLimits(StreamLimits.defaults().withReplicas(3));

    assertThatThrownBy(() -> topology.ensureStream(spec))
        .isInstanceOf(BusException.class).hasMessageContaining("asks for 3 replicas").hasMessageContaining("not clustered");
    assertThat(streamExists(spec.name())).isFalse();
  }

  @Test
  void refusesADuplicateWindowLongerThanMaxAge() {
    StreamSpec spec = stream().withLimits(StreamLimits.defaults()
        .withMaxAge(Duration.ofSeconds(30)).withDuplicateWindow(Duration.ofMinutes(2)));

    assertThatThrownBy(() -> topology.ensureStream(spec)).hasMessageContaining("duplicate window 2m is longer than max age 30s");
    assertThat(streamExists(spec.name())).isFalse();
  }

  @Test
  void refusesFeaturesTheConnectedServerLacks() {
    ServerCapabilities server = topology.server();
    assumeFalse(server.supports(ServerCapabilities.Feature.MESSAGE_TTL), "server has per-message TTL");
    StreamSpec ttl = stream().withAllowMessageTtl(true);

    // nats-server 2.9 would accept allow_msg_ttl and silently ignore it; we must not
    assertThatThrownBy(() -> topology.ensureStream(ttl)).hasMessageContaining("per-message TTL")
        .hasMessageContaining(server.version());
    assertThat(streamExists(ttl.name())).isFalse();

    assumeFalse(server.supports(ServerCapabilities.Feature.SUBJECT_TRANSFORMS), "server has transforms");
    StreamSpec transform = stream().withSubjectTransform(new StreamSpec.Transform("t" + id + ".>", "u" + id + ".>"));
    assertThatThrownBy(() -> topology.ensureStream(transform)).hasMessageContaining("subject transforms");
    topology.ensureStream(stream());
    ConsumerSpec multi = ConsumerSpec.pull(stream().name(), "multi", "t" + id + ".a")
        .withFilterSubjects(List.of("t" + id + ".a", "t" + id + ".b"));
    assertThatThrownBy(() -> topology.ensureConsumer(multi)).hasMessageContaining("more than one filter subject");
    assertThat(consumerExists(multi)).isFalse();
  }

  @Test
  void refusesToChangeStorageOrRetentionOfAnExistingStream() {
    StreamSpec spec = stream();
    topology.ensureStream(spec);

    assertThatThrownBy(() -> topology.ensureStream(spec.withLimits(spec.limits().withStorage(StorageType.Memory))))
        .hasMessageContaining("stream " + spec.name() + " exists with storage file, but memory is wanted")
        .hasMessageContaining("nats stream rm " + spec.name());
    assertThatThrownBy(() -> topology.ensureStream(spec.withRetention(RetentionPolicy.Interest)))
        .hasMessageContaining("exists with retention limits, but interest is wanted");
    assertThat(streamInfo(spec.name()).getConfiguration().getStorageType()).isEqualTo(StorageType.File);
  }

  @Test
  void ensureConsumerIsIdempotentAndUpdatesMutableSettings() {
    topology.ensureStream(stream());
    ConsumerSpec spec = ConsumerSpec.pull(stream().name(), "sensor-" + id, "t" + id + ".a")
        .withMaxDeliver(5).withBackoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)));

    assertThat(topology.ensureConsumer(spec).change()).isEqualTo(Change.CREATED);
    assertThat(topology.ensureConsumer(spec).change()).isEqualTo(Change.UNCHANGED);

    ConsumerSpec changed = spec.withMaxAckPending(50).withFilterSubjects(List.of("t" + id + ".b"));
    Ensured<ConsumerInfo> update = topology.ensureConsumer(changed);

    assertThat(update.change()).isEqualTo(Change.UPDATED);
    assertThat(update.info().getConsumerConfiguration().getMaxAckPending()).isEqualTo(50);
    assertThat(update.info().getConsumerConfiguration().getFilterSubject()).isEqualTo("t" + id + ".b");
    assertThat(update.info().getConsumerConfiguration().getBackoff())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(topology.ensureConsumer(changed).change()).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void refusesToChangeAConsumersDeliverPolicyAndNeedsItsStream() {
    topology.ensureStream(stream());
    ConsumerSpec spec = ConsumerSpec.pull(stream().name(), "c-" + id, "t" + id + ".a");
    topology.ensureConsumer(spec);

    assertThatThrownBy(() -> topology.ensureConsumer(spec.withDeliverPolicy(DeliverPolicy.New)))
        .hasMessageContaining("exists with deliver policy all, but new is wanted");
    assertThatThrownBy(() -> topology.ensureConsumer(ConsumerSpec.pull("NOPE" + id, "c", "x.y")))
        .hasMessageContaining("stream NOPE" + id + " does not exist");
  }

  @Test
  void ensureKvIsIdempotentUpdatesHistoryAndRefusesReplicas() {
    KvSpec spec = KvSpec.of("kv-" + id).withHistory(5).withMaxAge(Duration.ofHours(1));

    assertThat(topology.ensureKv(spec).change()).isEqualTo(Change.CREATED);
    assertThat(topology.ensureKv(spec).change()).isEqualTo(Change.UNCHANGED);
    Ensured<KeyValueStatus> update = topology.ensureKv(spec.withHistory(10));

    assertThat(update.change()).isEqualTo(Change.UPDATED);
    assertThat(update.changes()).containsExactly("history 5 -> 10");
    assertThat(update.info().getMaxHistoryPerKey()).isEqualTo(10);
    assertThat(update.info().getTtl()).isEqualTo(Duration.ofHours(1));
    assumeFalse(topology.server().clustered());
    assertThatThrownBy(() -> topology.ensureKv(spec.withReplicas(3))).hasMessageContaining("asks for 3 replicas");
    assertThatThrownBy(() -> topology.ensureKv(spec.withHistory(10).withStorage(StorageType.Memory)))
        .hasMessageContaining("exists with storage file, but memory is wanted");
  }

  @Test
  void bucketsWithDefaultSettingsAreIdempotentToo() {
    assertThat(topology.ensureKv(KvSpec.of("kvd-" + id)).change()).isEqualTo(Change.CREATED);
    assertThat(topology.ensureKv(KvSpec.of("kvd-" + id)).change()).isEqualTo(Change.UNCHANGED);
    assertThat(topology.ensureObjectStore(ObjectStoreSpec.of("osd-" + id)).change()).isEqualTo(Change.CREATED);
    assertThat(topology.ensureObjectStore(ObjectStoreSpec.of("osd-" + id)).change()).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void ensureObjectStoreIsIdempotentAndUpdatesLimits() {
    ObjectStoreSpec spec = ObjectStoreSpec.of("os-" + id).withMaxAge(Duration.ofHours(2));

    assertThat(topology.ensureObjectStore(spec).change()).isEqualTo(Change.CREATED);
    assertThat(topology.ensureObjectStore(spec).change()).isEqualTo(Change.UNCHANGED);
    Ensured<ObjectStoreStatus> update = topology.ensureObjectStore(spec.withMaxAge(Duration.ofHours(5)).withMaxBytes(1L << 30));

    assertThat(update.change()).isEqualTo(Change.UPDATED);
    assertThat(update.info().getTtl()).isEqualTo(Duration.ofHours(5));
    assertThat(update.info().getMaxBucketSize()).isEqualTo(1L << 30);
    assertThat(topology.ensureObjectStore(spec.withMaxAge(Duration.ofHours(5)).withMaxBytes(1L << 30)).change())
        .isEqualTo(Change.UNCHANGED);
  }

  private StreamSpec stream() {
    return StreamSpec.of("T" + id, StreamLimits.defaults(), "t" + id + ".>");
  }

  private StreamInfo streamInfo(String name) {
    try {
      return bus.management().getStreamInfo(name);
    } catch (Exception e) {
      throw new AssertionError("cannot read stream " + name, e);
    }
  }

  private boolean streamExists(String name) {
    try {
      bus.management().getStreamInfo(name);
      return true;
    } catch (JetStreamApiException e) {
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private boolean consumerExists(ConsumerSpec spec) {
    try {
      bus.management().getConsumerInfo(spec.stream(), spec.name());
      return true;
    } catch (JetStreamApiException e) {
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
