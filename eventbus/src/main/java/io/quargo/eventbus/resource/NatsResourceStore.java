package io.quargo.eventbus.resource;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.MessageInfo;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.core.resource.ResourceLifecycle;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.core.resource.ResourceStoreException.Reason;
import io.quargo.core.resource.ResourceWatcher;
import io.quargo.core.resource.WatchEvent;
import io.quargo.core.resource.WatchEvent.Type;
import io.quargo.eventbus.BusConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link ResourceStore} over NATS KV: one bucket per kind, the KV revision as resourceVersion,
 * every write a compare-and-set on the key's last revision. Each write carries the watch event type
 * in a header, and a deletion keeps the object's last state in the delete marker, so a watch can
 * report ADDED/MODIFIED/DELETED with the object as Kubernetes does.
 */
public final class NatsResourceStore implements ResourceStore {
  private static final int RETRIES = 10;
  private static final long LIST_TIMEOUT_SECONDS = 30;

  private final BusConnection bus;
  private final ResourceBuckets buckets;
  private final ResourceLifecycle lifecycle;
  private final ResourceWriter writer;

  /**
   * @param bucketPrefix names the buckets ({@code <prefix>-<plural>}); tests use a unique prefix
   * @param history changes kept per key; a watch resumed from further back sees each key's latest
   *     state but may skip its intermediate ones
   */
  public NatsResourceStore(BusConnection bus, String bucketPrefix, int history) {
    this.bus = bus;
    this.buckets = new ResourceBuckets(bus, bucketPrefix, history);
    this.lifecycle = ResourceLifecycle.system();
    this.writer = new ResourceWriter(bus, buckets);
  }

  @Override
  public Optional<Resource> get(ResourceKind kind, String namespace, String name) {
    ResourceLifecycle.checkIdentity(kind, namespace, name);
    return read(kind, ResourceBuckets.key(kind, namespace, name));
  }

  @Override
  public ResourceList list(ResourceKind kind, String namespace) {
    KeyValue kv = buckets.bucket(kind);
    try {
      long revision = writer.lastRevision(kind);
      List<Resource> items = new ArrayList<>();
      CountDownLatch done = new CountDownLatch(1);
      KeyValueWatcher collector = new KeyValueWatcher() {
        @Override
        public void watch(KeyValueEntry entry) {
          if (entry.getOperation() == KeyValueOperation.PUT) {
            items.add(toResource(entry));
          }
        }

        @Override
        public void endOfData() {
          done.countDown();
        }
      };
      var sub = kv.watch(namespace == null ? ">" : namespace + ".>", collector,
          KeyValueWatchOption.IGNORE_DELETE);
      try {
        if (!done.await(LIST_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          throw unavailable("listing " + kind.plural() + " did not finish in " + LIST_TIMEOUT_SECONDS + " s", null);
        }
      } finally {
        sub.unsubscribe();
      }
      return new ResourceList(items, Long.toString(revision));
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw unavailable("cannot list " + kind.plural(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while listing " + kind.plural(), e);
    }
  }

  @Override
  public Resource create(Resource resource) {
    ResourceKind kind = ResourceLifecycle.kindOf(resource);
    Resource created = lifecycle.forCreate(kind, resource);
    String key = ResourceBuckets.key(kind, created.namespace(), created.name());
    Optional<Long> write = writer.tryWrite(kind, key, created, 0, Type.ADDED);
    if (write.isEmpty()) {
      // A deleted key keeps a delete marker: a re-create must name the marker's revision.
      Optional<MessageInfo> last = writer.lastMessage(kind, key);
      if (last.isPresent() && ResourceWriter.isDeleteMarker(last.get())) {
        write = writer.tryWrite(kind, key, created, last.get().getSeq(), Type.ADDED);
      }
    }
    long revision = write.orElseThrow(
        () -> ResourceStoreException.alreadyExists(kind, created.namespace(), created.name()));
    return created.withResourceVersion(Long.toString(revision));
  }

  @Override
  public Resource update(Resource resource) {
    ResourceKind kind = ResourceLifecycle.kindOf(resource);
    return compareAndSet(kind, resource, stored -> lifecycle.forUpdate(kind, stored, resource));
  }

  @Override
  public Resource updateStatus(Resource resource) {
    ResourceKind kind = ResourceLifecycle.kindOf(resource);
    return compareAndSet(kind, resource, stored -> lifecycle.forStatusUpdate(stored, resource));
  }

  @Override
  public Resource delete(ResourceKind kind, String namespace, String name) {
    String key = ResourceBuckets.key(kind, namespace, name);
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Resource stored = get(kind, namespace, name)
          .orElseThrow(() -> ResourceStoreException.notFound(kind, namespace, name));
      if (stored.isDeleting() && !stored.finalizers().isEmpty()) {
        return stored;
      }
      Resource next = stored.finalizers().isEmpty() ? stored : lifecycle.markDeleting(stored);
      Type type = stored.finalizers().isEmpty() ? Type.DELETED : Type.MODIFIED;
      Optional<Long> revision = writer.tryWrite(kind, key, next, revisionOf(stored), type);
      if (revision.isPresent()) {
        return next.withResourceVersion(Long.toString(revision.get()));
      }
    }
    throw unavailable(kind.kind() + " " + namespace + "/" + name + " kept changing; delete not applied", null);
  }

  @Override
  public Watch watch(ResourceKind kind, String namespace, String fromResourceVersion, ResourceWatcher watcher) {
    buckets.bucket(kind);
    long startAfter;
    Map<String, Long> alreadySent = new HashMap<>();
    if (fromResourceVersion == null) {
      ResourceList current = list(kind, namespace);
      for (Resource r : current.items()) {
        watcher.onEvent(new WatchEvent(Type.ADDED, r));
        alreadySent.put(ResourceBuckets.key(kind, r.namespace(), r.name()), revisionOf(r));
      }
      startAfter = Long.parseLong(current.resourceVersion());
    } else {
      startAfter = parseVersion(fromResourceVersion);
    }
    return KvResourceWatch.start(bus, buckets.streamName(kind), buckets.filter(kind, namespace),
        startAfter, alreadySent, watcher);
  }

  /** Reads, changes and writes back on the read revision; a caller-given version must match. */
  private Resource compareAndSet(ResourceKind kind, Resource incoming,
      java.util.function.UnaryOperator<Resource> change) {
    String key = ResourceBuckets.key(kind, incoming.namespace(), incoming.name());
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      Resource stored = get(kind, incoming.namespace(), incoming.name())
          .orElseThrow(() -> ResourceStoreException.notFound(kind, incoming.namespace(), incoming.name()));
      String expected = incoming.resourceVersion();
      if (expected != null && !expected.equals(stored.resourceVersion())) {
        throw ResourceStoreException.conflict(kind, incoming.namespace(), incoming.name(), expected);
      }
      Resource next = change.apply(stored);
      Type type = ResourceLifecycle.isGone(next) ? Type.DELETED : Type.MODIFIED;
      Optional<Long> revision = writer.tryWrite(kind, key, next, revisionOf(stored), type);
      if (revision.isPresent()) {
        return next.withResourceVersion(Long.toString(revision.get()));
      }
      if (expected != null) {
        throw ResourceStoreException.conflict(kind, incoming.namespace(), incoming.name(), expected);
      }
      // no version given: last write wins, so read again and retry
    }
    throw unavailable(kind.kind() + " " + incoming.ref() + " kept changing; update not applied", null);
  }

  private Optional<Resource> read(ResourceKind kind, String key) {
    try {
      KeyValueEntry entry = buckets.bucket(kind).get(key);
      if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
        return Optional.empty();
      }
      return Optional.of(toResource(entry));
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throw unavailable("cannot read " + kind.kind() + " " + key, e);
    }
  }

  private static Resource toResource(KeyValueEntry entry) {
    return Resource.fromJson(entry.getValue()).withResourceVersion(Long.toString(entry.getRevision()));
  }

  private static long revisionOf(Resource stored) {
    return Long.parseLong(stored.resourceVersion());
  }

  private static long parseVersion(String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw new ResourceStoreException(Reason.INVALID, "resourceVersion '" + version
          + "' is not one this store issued; use the resourceVersion of a list or of an event");
    }
  }

  static ResourceStoreException unavailable(String what, Exception cause) {
    return new ResourceStoreException(Reason.UNAVAILABLE,
        what + (cause == null ? "" : ": " + cause.getMessage()) + " (is the bus up?)", cause);
  }
}
