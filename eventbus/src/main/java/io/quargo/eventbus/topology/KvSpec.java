package io.quargo.eventbus.topology;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A KV bucket: resources, sensor dependency state, leases, cron last-run, memoization.
 *
 * @param bucket bucket name (letters, digits, '-' and '_')
 * @param history values kept per key, 1 to 64 (1 = only the latest)
 * @param maxAge how long a value lives; zero = forever
 * @param maxBytes size cap of the bucket; -1 = none
 * @param replicas copies kept; more than 1 needs a JetStream cluster
 * @param storage file or memory; cannot change once the bucket exists
 * @param description may be null
 */
public record KvSpec(
    String bucket, int history, Duration maxAge, long maxBytes, int replicas, StorageType storage, String description) {

  static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_-]+");

  public KvSpec {
    requireBucket("KV bucket", bucket);
    if (history < 1 || history > 64) {
      throw new BusException("KV bucket " + bucket + ": history must be between 1 and 64, got " + history);
    }
    maxAge = maxAge == null ? Duration.ZERO : maxAge;
    requireLimits("KV bucket " + bucket, maxAge, maxBytes, replicas);
    storage = storage == null ? StorageType.File : storage;
  }

  /** File storage, one replica, latest value only, no age or size limit. */
  public static KvSpec of(String bucket) {
    return new KvSpec(bucket, 1, Duration.ZERO, -1, 1, StorageType.File, null);
  }

  public KvSpec withHistory(int value) {
    return new KvSpec(bucket, value, maxAge, maxBytes, replicas, storage, description);
  }

  public KvSpec withMaxAge(Duration value) {
    return new KvSpec(bucket, history, value, maxBytes, replicas, storage, description);
  }

  public KvSpec withMaxBytes(long value) {
    return new KvSpec(bucket, history, maxAge, value, replicas, storage, description);
  }

  public KvSpec withReplicas(int value) {
    return new KvSpec(bucket, history, maxAge, maxBytes, value, storage, description);
  }

  public KvSpec withStorage(StorageType value) {
    return new KvSpec(bucket, history, maxAge, maxBytes, replicas, value, description);
  }

  public KvSpec withDescription(String value) {
    return new KvSpec(bucket, history, maxAge, maxBytes, replicas, storage, value);
  }

  /** {@code base} (the existing bucket's, or null) with every managed setting replaced. */
  KeyValueConfiguration toConfiguration(KeyValueConfiguration base) {
    KeyValueConfiguration.Builder b = base == null ? KeyValueConfiguration.builder() : KeyValueConfiguration.builder(base);
    return b.name(bucket)
        .description(description)
        .maxHistoryPerKey(history)
        .ttl(maxAge)
        .maxBucketSize(maxBytes)
        .replicas(replicas)
        .storageType(storage)
        .build();
  }

  static void requireBucket(String what, String bucket) {
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new BusException(what + " name '" + bucket + "' may only hold letters, digits, '-' and '_'");
    }
  }

  static void requireLimits(String where, Duration maxAge, long maxBytes, int replicas) {
    if (maxAge.isNegative()) {
      throw new BusException(where + ": max age must be zero (forever) or positive, got " + maxAge);
    }
    if (maxBytes == 0 || maxBytes < -1) {
      throw new BusException(where + ": max bytes must be positive or -1 (unlimited), got " + maxBytes);
    }
    if (replicas < 1 || replicas > 5) {
      throw new BusException(where + ": replicas must be between 1 and 5, got " + replicas);
    }
  }
}
