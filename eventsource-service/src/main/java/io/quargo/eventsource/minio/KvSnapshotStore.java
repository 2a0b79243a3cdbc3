package io.quargo.eventsource.minio;

import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import java.util.Optional;

/** {@link SnapshotStore} in the KV bucket {@value #BUCKET}: one entry per source (latest value only). */
public final class KvSnapshotStore implements SnapshotStore {
  public static final String BUCKET = "eventsource-minio";

  private final KvBucket bucket;

  public KvSnapshotStore(KvBucket bucket) {
    this.bucket = bucket;
  }

  /** Creates the bucket if missing and opens it. */
  public static KvSnapshotStore ensure(BusConnection bus) {
    new Topology(bus).ensureKv(KvSpec.of(BUCKET).withDescription("minio EventSources: objects seen per source"));
    return new KvSnapshotStore(KvBucket.open(bus, BUCKET));
  }

  @Override
  public Optional<BucketSnapshot> load(String key) {
    return bucket.get(key).map(e -> BucketSnapshot.fromJson(e.value()));
  }

  @Override
  public void save(String key, BucketSnapshot snapshot) {
    bucket.put(key, snapshot.toJson());
  }
}
