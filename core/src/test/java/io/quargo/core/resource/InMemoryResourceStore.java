package io.quargo.core.resource;

import io.quargo.core.resource.WatchEvent.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link ResourceStore} in memory, for unit tests only. It passes the same {@link
 * ResourceStoreContract} as the real stores. Revisions are one counter per kind, as a KV bucket
 * per kind gives them; every change is kept so a watch can resume from any revision.
 */
public final class InMemoryResourceStore implements ResourceStore {
  private final ResourceLifecycle lifecycle = ResourceLifecycle.system();
  private final Map<ResourceKind, Bucket> buckets = new LinkedHashMap<>();

  private record Change(long revision, Type type, Resource resource) {}

  private static final class Bucket {
    final Map<String, Resource> current = new LinkedHashMap<>();
    final List<Change> log = new ArrayList<>();
    final List<Runnable> listeners = new ArrayList<>();
    long revision;
  }

  @Override
  public synchronized Optional<Resource> get(ResourceKind kind, String namespace, String name) {
    return Optional.ofNullable(bucket(kind).current.get(key(kind, namespace, name)));
  }

  @Override
  public synchronized ResourceList list(ResourceKind kind, String namespace) {
    Bucket bucket = bucket(kind);
    List<Resource> items = bucket.current.values().stream()
        .filter(r -> namespace == null || namespace.equals(r.namespace())).toList();
    return new ResourceList(items, Long.toString(bucket.revision));
  }

  @Override
  public synchronized Resource create(Resource resource) {
    ResourceKind kind = ResourceLifecycle.kindOf(resource);
    Resource created = lifecycle.forCreate(kind, resource);
    String key = key(kind, created.namespace(), created.name());
    if (bucket(kind).current.containsKey(key)) {
      throw ResourceStoreException.alreadyExists(kind, created.namespace(), created.name());
    }
    return write(kind, key, Type.ADDED, created);
  }

  @Override
  public synchronized Resource update(Resource resource) {
    ResourceKind kind = ResourceLifecycle.kindOf(resource);
    Resource stored = current(kind, resource);
    Resource next = lifecycle.forUpdate(kind, stored, resource);
    String key = key(kind, next.namespace(), next.name());
    return write(kind, key, ResourceLifecycle.isGone(next) ? Type.DELETED : Type.MODIFIED, next);
  }

  @Override
  public synchronized Resource updateStatus(Resource resource) {
    ResourceKind kind = ResourceLifecycle.kindOf(resource);
    Resource stored = current(kind, resource);
    return write(kind, key(kind, stored.namespace(), stored.name()), Type.MODIFIED,
        lifecycle.forStatusUpdate(stored, resource));
  }

  @Override
  public synchronized Resource delete(ResourceKind kind, String namespace, String name) {
    String key = key(kind, namespace, name);
    Resource stored = bucket(kind).current.get(key);
    if (stored == null) {
      throw ResourceStoreException.notFound(kind, namespace, name);
    }
    if (!stored.finalizers().isEmpty()) {
      return stored.isDeleting() ? stored : write(kind, key, Type.MODIFIED, lifecycle.markDeleting(stored));
    }
    return write(kind, key, Type.DELETED, stored);
  }

  @Override
  public synchronized Watch watch(ResourceKind kind, String namespace, String fromResourceVersion,
      ResourceWatcher watcher) {
    Bucket bucket = bucket(kind);
    ExecutorService delivery = Executors.newSingleThreadExecutor();
    long[] seen = {fromResourceVersion == null ? bucket.revision : Long.parseLong(fromResourceVersion)};
    if (fromResourceVersion == null) {
      List<Resource> existing = List.copyOf(bucket.current.values());
      delivery.execute(() -> existing.stream().filter(r -> matches(namespace, r))
          .forEach(r -> watcher.onEvent(new WatchEvent(Type.ADDED, r))));
    }
    Runnable pump = () -> {
      List<Change> pending;
      synchronized (this) {
        pending = bucket.log.stream().filter(c -> c.revision() > seen[0]).toList();
        pending.forEach(c -> seen[0] = c.revision());
      }
      pending.stream().filter(c -> matches(namespace, c.resource()))
          .forEach(c -> delivery.execute(() -> watcher.onEvent(new WatchEvent(c.type(), c.resource()))));
    };
    bucket.listeners.add(pump);
    pump.run();
    return () -> {
      synchronized (this) {
        bucket.listeners.remove(pump);
      }
      delivery.shutdownNow();
    };
  }

  private Resource write(ResourceKind kind, String key, Type type, Resource resource) {
    Bucket bucket = bucket(kind);
    Resource versioned = resource.withResourceVersion(Long.toString(++bucket.revision));
    if (type == Type.DELETED) {
      bucket.current.remove(key);
    } else {
      bucket.current.put(key, versioned);
    }
    bucket.log.add(new Change(bucket.revision, type, versioned));
    List.copyOf(bucket.listeners).forEach(Runnable::run);
    return versioned;
  }

  private Resource current(ResourceKind kind, Resource incoming) {
    ResourceLifecycle.checkIdentity(kind, incoming.namespace(), incoming.name());
    Resource stored = bucket(kind).current.get(key(kind, incoming.namespace(), incoming.name()));
    if (stored == null) {
      throw ResourceStoreException.notFound(kind, incoming.namespace(), incoming.name());
    }
    String expected = incoming.resourceVersion();
    if (expected != null && !expected.equals(stored.resourceVersion())) {
      throw ResourceStoreException.conflict(kind, incoming.namespace(), incoming.name(), expected);
    }
    return stored;
  }

  private Bucket bucket(ResourceKind kind) {
    return buckets.computeIfAbsent(kind, k -> new Bucket());
  }

  private static boolean matches(String namespace, Resource r) {
    return namespace == null || namespace.equals(r.namespace());
  }

  private static String key(ResourceKind kind, String namespace, String name) {
    return (kind.namespaced() ? namespace : "") + "/" + name;
  }
}
