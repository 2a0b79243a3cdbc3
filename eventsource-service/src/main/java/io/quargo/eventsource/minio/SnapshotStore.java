package io.quargo.eventsource.minio;

import java.util.Optional;

/**
 * Where a minio source keeps its {@link BucketSnapshot} between runs, so a restart neither replays nor misses.
 * Written one object at a time: a change costs one write whatever the bucket's size.
 */
public interface SnapshotStore {
  /** The objects seen by the source, or empty when it never stored a complete baseline. */
  Optional<BucketSnapshot> load(String source);

  /** Stores the first listing (replacing any partial one) and only then marks the baseline complete. */
  void saveBaseline(String source, BucketSnapshot baseline);

  /** Records one change whose event is on the bus; throws when it could not be stored. */
  void record(String source, ObjectChange change);
}
