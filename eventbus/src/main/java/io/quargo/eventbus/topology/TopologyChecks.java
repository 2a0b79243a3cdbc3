package io.quargo.eventbus.topology;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.topology.ServerCapabilities.Feature;
import java.time.Duration;

/**
 * The refusals: what a server cannot honour, and what an existing stream, consumer or bucket cannot be
 * changed to. Each runs before anything is written, so a refused ensure leaves the bus as it was.
 */
final class TopologyChecks {
  private TopologyChecks() {}

  static void stream(StreamSpec spec, ServerCapabilities server) {
    String who = "stream " + spec.name();
    StreamLimits limits = spec.limits();
    server.requireReplicas(limits.replicas(), who, limits.key("replicas"));
    Duration window = limits.duplicateWindow();
    if (window != null && !limits.maxAge().isZero() && window.compareTo(limits.maxAge()) > 0) {
      throw new BusException(who + ": duplicate window " + DurationText.of(window) + " is longer than max age "
          + DurationText.of(limits.maxAge())
          + "; a message cannot be deduplicated after it is gone. Set " + limits.key("duplicate-window")
          + " to at most " + DurationText.of(limits.maxAge()) + " or raise " + limits.key("max-age") + ".");
    }
    if (spec.subjectTransform() != null) {
      server.require(Feature.SUBJECT_TRANSFORMS, who);
    }
    if (spec.allowMessageTtl()) {
      server.require(Feature.MESSAGE_TTL, who);
    }
  }

  static void streamUpdate(StreamSpec spec, StreamConfiguration existing) {
    StorageType storage = spec.limits().storage();
    if (existing.getStorageType() != storage) {
      throw immutable("stream", spec.name(), "storage", existing.getStorageType(), storage,
          "Set " + spec.limits().key("storage") + "=" + lower(existing.getStorageType()) + " to keep the stream, or"
              + " move its messages out (nats stream backup " + spec.name() + "), delete it (nats stream rm "
              + spec.name() + ") and let Quargo create it again.");
    }
    if (existing.getRetentionPolicy() != spec.retention()) {
      throw immutable("stream", spec.name(), "retention", existing.getRetentionPolicy(), spec.retention(),
          "Keep retention " + lower(existing.getRetentionPolicy()) + ", or delete the stream (nats stream rm "
              + spec.name() + "; its messages are lost) and let Quargo create it again.");
    }
  }

  static void consumer(ConsumerSpec spec, ServerCapabilities server) {
    if (spec.filterSubjects().size() > 1) {
      server.require(Feature.MULTIPLE_FILTER_SUBJECTS,
          "consumer " + spec.name() + " on stream " + spec.stream() + " (filters " + spec.filterSubjects() + ")");
    }
  }

  static void consumerUpdate(ConsumerSpec spec, ConsumerConfiguration existing) {
    String name = spec.name() + " on stream " + spec.stream();
    String recreate = "Delete it (nats consumer rm " + spec.stream() + " " + spec.name()
        + ") so it is created again, which restarts its position in the stream, or keep the old setting.";
    if (existing.getDeliverPolicy() != spec.deliverPolicy()) {
      throw immutable("consumer", name, "deliver policy", existing.getDeliverPolicy(), spec.deliverPolicy(), recreate);
    }
    if (existing.getAckPolicy() != AckPolicy.Explicit) {
      throw immutable("consumer", name, "ack policy", existing.getAckPolicy(), AckPolicy.Explicit, recreate);
    }
    if (existing.getDeliverSubject() != null) {
      throw new BusException("consumer " + name + " exists as a push consumer (deliver subject " + existing.getDeliverSubject()
          + "), but Quargo reads with pull consumers. " + recreate);
    }
  }

  static void kv(KvSpec spec, ServerCapabilities server) {
    server.requireReplicas(spec.replicas(), "KV bucket " + spec.bucket(), "its replicas");
  }

  static void objectStore(ObjectStoreSpec spec, ServerCapabilities server) {
    server.requireReplicas(spec.replicas(), "object store bucket " + spec.bucket(), "its replicas");
  }

  static void bucketStorage(String kind, String bucket, StorageType existing, StorageType wanted) {
    if (existing != wanted) {
      throw immutable(kind, bucket, "storage", existing, wanted,
          "Keep storage " + lower(existing) + ", or copy the data out, delete the bucket and let Quargo create it again.");
    }
  }

  private static BusException immutable(
      String kind, String name, String property, Object old, Object wanted, String howTo) {
    return new BusException(kind + " " + name + " exists with " + property + " " + lower(old) + ", but "
        + lower(wanted) + " is wanted; JetStream cannot change the " + property + " of an existing " + kind + ". "
        + howTo);
  }

  private static String lower(Object value) {
    return String.valueOf(value).toLowerCase(java.util.Locale.ROOT);
  }
}
