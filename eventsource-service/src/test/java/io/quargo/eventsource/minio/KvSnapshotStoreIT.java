package io.quargo.eventsource.minio;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The KV layout of the objects seen, on a real bus: one entry per object, a baseline mark, purged removals. */
@ExtendWith(NatsServerExtension.class)
class KvSnapshotStoreIT {
  private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");
  private final String source = "minio." + UUID.randomUUID().toString().replace("-", "");

  private static ObjectState object(String key, String etag) {
    return new ObjectState(key, etag, 3, T0);
  }

  @Test
  void aBaselineWithoutItsMarkIsNotLoadedAndIsReplacedByTheNextOne(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats)) {
      KvSnapshotStore store = KvSnapshotStore.ensure(bus.bus());
      KvBucket kv = KvBucket.open(bus.bus(), KvSnapshotStore.BUCKET);
      // what a start that died while writing its baseline leaves: entries, no mark
      kv.put(KvSnapshotStore.entryKey(source, "stale"), KvSnapshotStore.toJson(object("stale", "e0")));
      assertThat(store.load(source)).isEmpty();

      store.saveBaseline(source, BucketSnapshot.of(List.of(object("a", "e1"), object("b", "e2"))));
      assertThat(kv.keys(source + ".>")).containsExactlyInAnyOrder(KvSnapshotStore.baselineKey(source),
          KvSnapshotStore.entryKey(source, "a"), KvSnapshotStore.entryKey(source, "b"));
      assertThat(store.load(source).orElseThrow().objects()).containsExactlyInAnyOrder(object("a", "e1"),
          object("b", "e2"));
    }
  }

  @Test
  void changesAreRecordedOneEntryAtATimeAndARemovalLeavesNoMarker(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats)) {
      KvSnapshotStore store = KvSnapshotStore.ensure(bus.bus());
      store.saveBaseline(source, BucketSnapshot.of(List.of(object("a", "e1"), object("b", "e2"))));
      store.record(source, ObjectChange.created(object("a", "e9")));
      store.record(source, ObjectChange.created(object("c", "e3")));
      store.record(source, ObjectChange.removed(object("b", "e2")));

      assertThat(store.load(source).orElseThrow().objects()).containsExactlyInAnyOrder(object("a", "e9"),
          object("c", "e3"));
      // a KV delete would leave b's delete marker in the stream; the purge leaves nothing
      List<String> subjects = bus.bus().nats().jetStreamManagement().getStreamInfo("KV_" + KvSnapshotStore.BUCKET,
          StreamInfoOptions.filterSubjects(subject(source + ".>")))
          .getStreamState().getSubjects().stream().map(Subject::getName).toList();
      assertThat(subjects).containsExactlyInAnyOrder(subject(KvSnapshotStore.baselineKey(source)),
          subject(KvSnapshotStore.entryKey(source, "a")), subject(KvSnapshotStore.entryKey(source, "c")));
    }
  }

  private static String subject(String key) {
    return "$KV." + KvSnapshotStore.BUCKET + "." + key;
  }
}
