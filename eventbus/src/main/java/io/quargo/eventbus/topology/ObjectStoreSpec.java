package io.quargo.eventbus.topology;

import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import java.time.Duration;

/**
 * An object store bucket: artifacts and logs in standalone mode.
 *
 * @param bucket bucket name (letters, digits, '-' and '_')
 * @param maxAge how long an object lives; zero = forever
 * @param maxBytes size cap of the bucket; -1 = none
 * @param replicas copies kept; more than 1 needs a JetStream cluster
 * @param storage file or memory; cannot change once the bucket exists
 * @param description may be null
 */
public record ObjectStoreSpec(
    String bucket, Duration maxAge, long maxBytes, int replicas, StorageType storage, String description) {

  public ObjectStoreSpec {
    KvSpec.requireBucket("object store bucket", bucket);
    maxAge = maxAge == null ? Duration.ZERO : maxAge;
    KvSpec.requireLimits("object store bucket " + bucket, maxAge, maxBytes, replicas);
    storage = storage == null ? StorageType.File : storage;
  }

  /** File storage, one replica, no age or size limit. */
  public static ObjectStoreSpec of(String bucket) {
    return new ObjectStoreSpec(bucket, Duration.ZERO, -1, 1, StorageType.File, null);
  }

  public ObjectStoreSpec withMaxAge(Duration value) {
    return new ObjectStoreSpec(bucket, value, maxBytes, replicas, storage, description);
  }

  public ObjectStoreSpec withMaxBytes(long value) {
    return new ObjectStoreSpec(bucket, maxAge, value, replicas, storage, description);
  }

  public ObjectStoreSpec withReplicas(int value) {
    return new ObjectStoreSpec(bucket, maxAge, maxBytes, value, storage, description);
  }

  public ObjectStoreSpec withStorage(StorageType value) {
    return new ObjectStoreSpec(bucket, maxAge, maxBytes, replicas, value, description);
  }

  /** The name of the stream JetStream keeps the bucket in. */
  String backingStream() {
    return "OBJ_" + bucket;
  }

  ObjectStoreConfiguration toConfiguration() {
    return ObjectStoreConfiguration.builder(bucket)
        .description(description)
        .ttl(maxAge)
        .maxBucketSize(maxBytes)
        .replicas(replicas)
        .storageType(storage)
        .build();
  }
}
