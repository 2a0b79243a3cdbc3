package io.quargo.eventsource.minio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  void survivesAJsonRoundTrip() {
    BucketSnapshot seen = new BucketSnapshot(Map.of("dir/a b.txt", object("dir/a b.txt", "e1", 3)));
    BucketSnapshot read = BucketSnapshot.fromJson(seen.toJson());
    assertThat(read.changesTo(seen)).isEmpty();
    assertThat(read.size()).isEqualTo(1);
    assertThat(read.changesTo(BucketSnapshot.of(List.of()))).containsExactly(
        new ObjectChange(ObjectChange.REMOVED, new ObjectState("dir/a b.txt", "e1", 3, T0.plusSeconds(3))));
  }
}
