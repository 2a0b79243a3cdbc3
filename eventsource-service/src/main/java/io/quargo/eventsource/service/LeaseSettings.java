package io.quargo.eventsource.service;

import io.quargo.eventbus.lease.LeaseKeeper;
import java.time.Duration;

/**
 * How replicas share the non-HTTP event sources: one lease per EventSource, named {@code <namespace>/<name>}, in
 * the KV bucket {@code bucket}. The holder renews every ttl/3; a replica that dies is replaced within about ttl
 * plus ttl/3 (the others retry every ttl/3).
 *
 * @param bucket   KV bucket of the leases (created when missing)
 * @param ttl      how long a lease outlives its holder's last renewal
 * @param holderId this replica's identity in the lease records; unique per process
 */
public record LeaseSettings(String bucket, Duration ttl, String holderId) {
  public static final String BUCKET = "eventsource-leases";
  public static final Duration TTL = Duration.ofSeconds(15);

  public static LeaseSettings defaults() {
    return new LeaseSettings(BUCKET, TTL, LeaseKeeper.uniqueHolderId());
  }

  public LeaseSettings withTtl(Duration value) {
    return new LeaseSettings(bucket, value, holderId);
  }

  public LeaseSettings withBucket(String value) {
    return new LeaseSettings(value, ttl, holderId);
  }

  public LeaseSettings withHolderId(String value) {
    return new LeaseSettings(bucket, ttl, value);
  }

  /** How often a replica without the lease tries to take it. */
  Duration retryEvery() {
    return Duration.ofMillis(Math.max(100, ttl.toMillis() / 3));
  }
}
