package io.quargo.eventbus.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class KvBucketIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private BusConnection bus;
  private KvBucket bucket;

  @BeforeEach
  void createBucket(NatsTestServer nats) throws Exception {
    bus = BusConnection.connect(BusConfig.of(nats.url()));
    bucket = KvBucket.open(bus, createBucket(bus, 1));
  }

  /** A bucket with a unique name, made with raw jnats management (topology is another package's job). */
  static String createBucket(BusConnection bus, int history) throws Exception {
    String name = "kv-" + UUID.randomUUID().toString().substring(0, 8);
    bus.nats().keyValueManagement().create(KeyValueConfiguration.builder().name(name)
        .maxHistoryPerKey(history).storageType(StorageType.File).build());
    return name;
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  @Test
  void getPutAndDelete() {
    assertThat(bucket.get("argo.wf1")).isEmpty();
    long r1 = bucket.put("argo.wf1", bytes("v1"));
    assertThat(bucket.get("argo.wf1")).contains(new KvEntry("argo.wf1", bytes("v1"), r1));
    bucket.delete("argo.wf1");
    assertThat(bucket.get("argo.wf1")).isEmpty();
    assertThat(bucket.keys()).isEmpty();
  }

  @Test
  void updateOnAStaleRevisionIsACasConflictNamingBothRevisions() {
    long r1 = bucket.create("argo.wf1", bytes("v1"));
    long r2 = bucket.update("argo.wf1", bytes("v2"), r1);

    assertThatThrownBy(() -> bucket.update("argo.wf1", bytes("stale"), r1))
        .isInstanceOfSatisfying(CasConflictException.class, e -> {
          assertThat(e.key()).isEqualTo("argo.wf1");
          assertThat(e.expectedRevision()).isEqualTo(r1);
          assertThat(e.actualRevision()).hasValue(r2);
          assertThat(e).hasMessageContaining("argo.wf1").hasMessageContaining("revision " + r1)
              .hasMessageContaining("revision " + r2);
        });
    assertThat(bucket.get("argo.wf1").orElseThrow().valueAsString()).isEqualTo("v2");
  }

  @Test
  void createFailsWhenTheKeyHasAValueAndWorksAfterADelete() {
    long r1 = bucket.create("argo.wf1", bytes("v1"));
    assertThatThrownBy(() -> bucket.create("argo.wf1", bytes("again")))
        .isInstanceOfSatisfying(CasConflictException.class, e -> assertThat(e.actualRevision()).hasValue(r1));
    bucket.delete("argo.wf1");
    long r3 = bucket.create("argo.wf1", bytes("reborn"));
    assertThat(bucket.get("argo.wf1")).contains(new KvEntry("argo.wf1", bytes("reborn"), r3));
  }

  @Test
  void deleteWithAStaleRevisionIsACasConflict() {
    long r1 = bucket.put("argo.wf1", bytes("v1"));
    long r2 = bucket.update("argo.wf1", bytes("v2"), r1);
    assertThatThrownBy(() -> bucket.delete("argo.wf1", r1)).isInstanceOf(CasConflictException.class);
    bucket.delete("argo.wf1", r2);
    assertThat(bucket.get("argo.wf1")).isEmpty();
  }

  @Test
  void keysMatchAPattern() {
    bucket.put("argo.a", bytes("1"));
    bucket.put("argo.b", bytes("2"));
    bucket.put("other.c", bytes("3"));
    bucket.delete("argo.b");
    assertThat(bucket.keys("argo.*")).containsExactly("argo.a");
    assertThat(bucket.keys()).containsExactlyInAnyOrder("argo.a", "other.c");
  }

  @Test
  void watchAfterARevisionSeesExactlyTheLaterChangesInOrder() throws Exception {
    // history 64 keeps every one of the ~60 writes per key, so all of them can be replayed
    bucket = KvBucket.open(bus, createBucket(bus, 64));
    List<KvChange> written = new CopyOnWriteArrayList<>();
    Thread writer = new Thread(() -> writeMany(written, 300));
    writer.start();
    await().atMost(WAIT).until(() -> written.size() >= 50);
    long from = written.get(written.size() - 1).revision(); // a list taken mid-stream would be at this revision

    List<KvChange> seen = new CopyOnWriteArrayList<>();
    try (KvWatch watch = bucket.watch("argo.>", KvWatchStart.afterRevision(from), seen::add)) {
      writer.join();
      List<KvChange> expected = written.stream()
          .filter(c -> c.revision() > from && c.key().startsWith("argo.")).toList();
      await().atMost(WAIT).untilAsserted(() -> assertThat(seen).containsExactlyElementsOf(expected));
    }
  }

  /** Puts and deletes on argo.* and one unrelated key, recording each change with its revision. */
  private void writeMany(List<KvChange> written, int count) {
    for (int i = 0; i < count; i++) {
      String key = i % 7 == 0 ? "other.k" : "argo.k" + (i % 5);
      if (i % 11 == 0 && !written.isEmpty()) {
        bucket.delete(key);
        written.add(new KvChange(KvOperation.DELETE, key, null, lastRevision()));
      } else {
        long revision = bucket.put(key, bytes("v" + i));
        written.add(new KvChange(KvOperation.PUT, key, bytes("v" + i), revision));
      }
    }
  }

  /** A delete does not return its revision; the bucket's last sequence is it, as only we write. */
  private long lastRevision() {
    try {
      return bus.management().getStreamInfo("KV_" + bucket.name()).getStreamState().getLastSequence();
    } catch (Exception e) {
      throw new BusException("cannot read the bucket's last revision", e);
    }
  }

  @Test
  void watchCurrentValuesGivesLiveKeysThenTheEndOfInitialValuesThenChanges() {
    bucket.put("argo.x", bytes("x1"));
    bucket.put("argo.y", bytes("y1"));
    bucket.put("argo.x", bytes("x2"));
    bucket.put("argo.z", bytes("z1"));
    bucket.delete("argo.z");
    List<String> events = new CopyOnWriteArrayList<>();
    KvWatchListener listener = new KvWatchListener() {
      @Override
      public void onChange(KvChange change) {
        events.add(change.operation() + " " + change.key() + "=" + change.valueAsString());
      }

      @Override
      public void onInitialValuesDone() {
        events.add("initial values done");
      }
    };
    try (KvWatch watch = bucket.watch("argo.*", KvWatchStart.currentValues(), listener)) {
      await().atMost(WAIT).until(() -> events.contains("initial values done"));
      bucket.put("argo.w", bytes("w1"));
      bucket.delete("argo.y");
      await().atMost(WAIT).until(() -> events.size() >= 5);
    }
    assertThat(events).containsExactly("PUT argo.y=y1", "PUT argo.x=x2", "initial values done",
        "PUT argo.w=w1", "DELETE argo.y=");
  }

  @Test
  void watchOfAnEmptyBucketSignalsInitialValuesDoneAtOnce() {
    List<String> events = new ArrayList<>();
    try (KvWatch watch = bucket.watch(">", KvWatchStart.updatesOnly(), new KvWatchListener() {
      @Override
      public void onChange(KvChange change) {
        events.add(change.key());
      }

      @Override
      public void onInitialValuesDone() {
        synchronized (events) {
          events.add("done");
        }
      }
    })) {
      await().atMost(WAIT).until(() -> {
        synchronized (events) {
          return events.contains("done");
        }
      });
    }
  }

  @Test
  void watchResumesAfterAServerRestartWithoutGapOrDuplicate(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    try (BusConnection own = BusConnection.connect(BusConfig.of(nats.url()))) {
      KvBucket kv = KvBucket.open(own, createBucket(own, 10));
      List<KvChange> seen = new CopyOnWriteArrayList<>();
      try (KvWatch watch = kv.watch(">", KvWatchStart.currentValues(), seen::add)) {
        long r1 = kv.put("argo.a", bytes("1"));
        await().atMost(WAIT).until(() -> seen.size() == 1);
        nats.stop();
        await().atMost(WAIT).until(() -> !own.health().up());
        nats.start();
        long r2 = await().atMost(WAIT).ignoreExceptions().until(() -> kv.put("argo.b", bytes("2")), r -> r > 0);
        long r3 = kv.put("argo.a", bytes("3"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(seen).extracting(KvChange::revision)
            .containsExactly(r1, r2, r3));
      }
    }
  }

  @Test
  void openingAMissingBucketIsAClearError() {
    assertThatThrownBy(() -> KvBucket.open(bus, "no-such-bucket"))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("no-such-bucket")
        .hasMessageContaining("topology");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }
}
