package io.quargo.eventsource.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The poll logic with a listing and a store in memory: what is published, and when the store records it. */
class MinioAdapterTest {
  private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");
  private static final MinioSource SOURCE = new MinioSource("team", "es", "example", "http://s3:9000", "input",
      List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), "", "", "us-east-1", null, null, Map.of());

  private final Map<String, ObjectState> bucket = new HashMap<>();
  private final BucketLister lister = new BucketLister() {
    @Override
    public void checkBucket() {}

    @Override
    public List<ObjectState> list() {
      return List.copyOf(bucket.values());
    }
  };
  private final MemoryStore store = new MemoryStore();
  private final List<String> log = new ArrayList<>();
  private final List<SourceEvent> published = new ArrayList<>();
  private int failPublishes;

  private final EventSink sink = event -> {
    if (failPublishes > 0) {
      failPublishes--;
      log.add("publish failed " + event.id());
      return CompletableFuture.failedFuture(new IllegalStateException("bus down"));
    }
    published.add(event);
    log.add("published " + key(event));
    return CompletableFuture.completedFuture(null);
  };

  private void put(String key, String etag, int second) {
    bucket.put(key, new ObjectState(key, etag, 1, T0.plusSeconds(second)));
  }

  private MinioAdapter adapter() {
    MinioAdapter adapter = new MinioAdapter(SOURCE, lister, store, Duration.ofSeconds(1), Clock.fixed(T0,
        ZoneOffset.UTC));
    adapter.open();
    return adapter;
  }

  @Test
  void theFirstListingIsTheBaselineAndEachChangeIsRecordedAfterItsEventIsOnTheBus() throws Exception {
    put("old", "e0", 0);
    MinioAdapter adapter = adapter();
    assertThat(store.entries).containsOnlyKeys("old");
    assertThat(adapter.poll(sink)).isTrue();
    assertThat(published).isEmpty();

    put("new", "e1", 1);
    bucket.remove("old");
    assertThat(adapter.poll(sink)).isTrue();
    assertThat(log).containsExactly("published s3:ObjectCreated:Put new", "recorded s3:ObjectCreated:Put new",
        "published s3:ObjectRemoved:Delete old", "recorded s3:ObjectRemoved:Delete old");
    assertThat(store.entries).containsOnlyKeys("new");
  }

  @Test
  void aRestartReportsOnlyWhatChangedWhileDown() throws Exception {
    put("a", "e0", 0);
    adapter();
    put("b", "e1", 1);
    put("a", "e2", 2);
    MinioAdapter restarted = adapter();
    assertThat(restarted.poll(sink)).isTrue();
    assertThat(published).extracting(MinioAdapterTest::key)
        .containsExactly("s3:ObjectCreated:Put b", "s3:ObjectCreated:Put a");
    assertThat(adapter().poll(sink)).isTrue();
    assertThat(published).hasSize(2);
  }

  @Test
  void aChangeWhosePublishFailedIsNotRecordedAndIsReportedAgainWithTheSameId() throws Exception {
    MinioAdapter adapter = adapter();
    put("a", "e1", 1);
    put("b", "e2", 2);
    failPublishes = 1;
    assertThat(adapter.poll(sink)).isFalse();
    assertThat(store.entries).isEmpty(); // b waits behind a: the order is kept
    assertThat(adapter.poll(sink)).isTrue();
    assertThat(published).extracting(MinioAdapterTest::key)
        .containsExactly("s3:ObjectCreated:Put a", "s3:ObjectCreated:Put b");
    assertThat(log.get(0)).isEqualTo("publish failed " + published.get(0).id());
    assertThat(store.entries).containsOnlyKeys("a", "b");
  }

  @Test
  void aChangeOnTheBusButNotRecordedIsPublishedAgainWithTheSameIdForTheBusToDrop() throws Exception {
    MinioAdapter adapter = adapter();
    put("a", "e1", 1);
    store.failRecords = 1;
    assertThat(adapter.poll(sink)).isFalse();
    assertThat(adapter.poll(sink)).isTrue();
    assertThat(published).hasSize(2);
    assertThat(published.get(1).id()).isEqualTo(published.get(0).id());
    assertThat(store.entries).containsOnlyKeys("a");
    assertThat(adapter.poll(sink)).isTrue();
    assertThat(published).hasSize(2);
  }

  @Test
  void anInterruptedBaselineIsTakenAgainAtTheNextStart() {
    put("a", "e0", 0);
    store.failBaseline = true;
    assertThatThrownBy(this::adapter).hasMessageContaining("cannot watch bucket 'input'");
    assertThat(store.load("any")).isEmpty();
    store.failBaseline = false;
    put("b", "e1", 1);
    adapter();
    assertThat(store.entries).containsOnlyKeys("a", "b");
  }

  private static String key(SourceEvent event) {
    return event.data().at("/notification/0/eventName").asText() + " "
        + event.data().at("/notification/0/s3/object/key").asText();
  }

  /** A store that keeps one entry per object, and forgets a baseline interrupted before its end. */
  private final class MemoryStore implements SnapshotStore {
    final Map<String, ObjectState> entries = new HashMap<>();
    boolean complete;
    boolean failBaseline;
    int failRecords;

    @Override
    public Optional<BucketSnapshot> load(String source) {
      return complete ? Optional.of(BucketSnapshot.of(entries.values())) : Optional.empty();
    }

    @Override
    public void saveBaseline(String source, BucketSnapshot baseline) {
      entries.clear();
      baseline.objects().stream().limit(failBaseline ? 0 : Long.MAX_VALUE).forEach(o -> entries.put(o.key(), o));
      if (failBaseline) {
        throw new IllegalStateException("bus down");
      }
      complete = true;
    }

    @Override
    public void record(String source, ObjectChange change) {
      if (failRecords > 0) {
        failRecords--;
        throw new IllegalStateException("bus down");
      }
      log.add("recorded " + change.s3EventName() + " " + change.object().key());
      if (change.removed()) {
        entries.remove(change.object().key());
      } else {
        entries.put(change.object().key(), change.object());
      }
    }
  }
}
