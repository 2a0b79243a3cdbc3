package io.quargo.eventsource.minio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketSnapshotTest {
  private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");

  private static ObjectState object(String key, String etag, int second) {
    return new ObjectState(key, "\"" + etag + "\"", 3, T0.plusSeconds(second));
  }

  @Test
  void findsWrittenRewrittenAndRemovedObjectsInOrder() {
    BucketSnapshot before = BucketSnapshot.of(List.of(object("a", "e1", 0), object("b", "e2", 0), object("c", "e3", 0)));
    BucketSnapshot after = BucketSnapshot.of(List.of(object("a", "e1", 0), object("b", "e9", 5), object("d", "e4", 2),
        object("c", "e3", 7)));

    assertThat(before.changesTo(after)).containsExactly(
        new ObjectChange(ObjectChange.CREATED, object("d", "e4", 2)),
        new ObjectChange(ObjectChange.CREATED, object("b", "e9", 5)),
        new ObjectChange(ObjectChange.CREATED, object("c", "e3", 7))); // same content written again
    assertThat(after.changesTo(before)).contains(new ObjectChange(ObjectChange.REMOVED, object("d", "e4", 2)));
  }

  @Test
  void appliedChangesLeaveNothingToReport() {
    BucketSnapshot seen = BucketSnapshot.of(List.of(object("a", "e1", 0), object("gone", "e0", 0)));
    BucketSnapshot now = BucketSnapshot.of(List.of(object("a", "e2", 1), object("new", "e3", 1)));
    seen.changesTo(now).forEach(seen::apply);
    assertThat(seen.changesTo(now)).isEmpty();
  }

  @Test
  void anObjectWithAMultipartEtagIsReportedAsCompleteMultipartUpload() {
    BucketSnapshot now = BucketSnapshot.of(List.of(object("big", "9b2cf535f27731c974343645a3985328-3", 1),
        object("small", "9b2cf535f27731c974343645a3985328", 2)));
    assertThat(BucketSnapshot.of(List.of()).changesTo(now)).extracting(ObjectChange::s3EventName)
        .containsExactly(ObjectChange.CREATED_MULTIPART, ObjectChange.CREATED);
  }

  @Test
  void anEntryOfTheStoreSurvivesAJsonRoundTrip() {
    ObjectState o = object("dir/a b.txt", "e1", 3);
    assertThat(KvSnapshotStore.fromJson(KvSnapshotStore.toJson(o))).isEqualTo(o);
    assertThat(KvSnapshotStore.toJson(new ObjectState("k".repeat(1024), "e", 1, T0))).hasSizeLessThan(1200);
  }

  @Test
  void entriesAreKeyedByAHashOfTheObjectKeySoAnyNameIsAValidKvKey() {
    assertThat(KvSnapshotStore.entryKey("minio.abc", "dir/a b*.txt")).matches("minio\\.abc\\.o\\.[0-9a-f]{32}");
    assertThat(KvSnapshotStore.entryKey("minio.abc", "a")).isNotEqualTo(KvSnapshotStore.entryKey("minio.abc", "b"));
  }
}
