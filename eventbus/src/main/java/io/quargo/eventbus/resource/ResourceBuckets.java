package io.quargo.eventbus.resource;

import io.nats.client.KeyValue;
import io.quargo.core.resource.ResourceKind;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One KV bucket per kind ({@code <prefix>-<plural>}), created on first use. Keys are
 * {@code <namespace>.<name>}; cluster-scoped kinds use {@code _.<name>}, which no namespace can
 * collide with since namespaces are DNS labels.
 */
final class ResourceBuckets {
  static final String CLUSTER_SCOPE = "_";

  private final BusConnection bus;
  private final String prefix;
  private final int history;
  private final Map<ResourceKind, KeyValue> buckets = new ConcurrentHashMap<>();

  ResourceBuckets(BusConnection bus, String prefix, int history) {
    this.bus = bus;
    this.prefix = prefix;
    this.history = history;
  }

  KeyValue bucket(ResourceKind kind) {
    return buckets.computeIfAbsent(kind, this::open);
  }

  String bucketName(ResourceKind kind) {
    return prefix + "-" + kind.plural();
  }

  /** The JetStream stream behind a kind's bucket. */
  String streamName(ResourceKind kind) {
    return "KV_" + bucketName(kind);
  }

  /** The stream subject of one key. */
  String subject(ResourceKind kind, String key) {
    return "$KV." + bucketName(kind) + "." + key;
  }

  /** The subject filter for a namespace (or, given null, every key). */
  String filter(ResourceKind kind, String namespace) {
    return "$KV." + bucketName(kind) + "." + (namespace == null ? ">" : namespace + ".>");
  }

  static String key(ResourceKind kind, String namespace, String name) {
    return (kind.namespaced() ? namespace : CLUSTER_SCOPE) + "." + name;
  }

  private KeyValue open(ResourceKind kind) {
    String name = bucketName(kind);
    new Topology(bus).ensureKv(KvSpec.of(name).withHistory(history)
        .withDescription("Quargo " + kind.kind() + " resources"));
    try {
      return bus.nats().keyValue(name);
    } catch (IOException | IllegalStateException e) {
      throw new BusException("cannot open the KV bucket " + name + " for " + kind.kind()
          + " resources: " + e.getMessage(), e);
    }
  }
}
