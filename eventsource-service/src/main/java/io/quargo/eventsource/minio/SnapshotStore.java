package io.quargo.eventsource.minio;

import java.util.Optional;

/** Where a minio source keeps its {@link BucketSnapshot} between runs, so a restart neither replays nor misses. */
public interface SnapshotStore {
  Optional<BucketSnapshot> load(String key);

  /** Throws when it could not be stored; the caller keeps the snapshot and stores it again later. */
  void save(String key, BucketSnapshot snapshot);
}
