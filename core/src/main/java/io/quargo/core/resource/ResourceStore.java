package io.quargo.core.resource;

import java.util.Optional;

/**
 * Where resources live: NATS KV in standalone mode, Kubernetes in cluster mode. Both implementations
 * pass one contract suite ({@code ResourceStoreContract}) and behave as the Kubernetes API does:
 * resourceVersion is an opaque revision, updates are compare-and-set on it, status is a
 * subresource, finalizers hold deletion back, and {@code generateName} gets a random suffix.
 */
public interface ResourceStore {

  Optional<Resource> get(ResourceKind kind, String namespace, String name);

  /** All resources of a kind, in one namespace or (namespace null) all, with the list's revision. */
  ResourceList list(ResourceKind kind, String namespace);

  /**
   * Creates a resource. Sets uid, creationTimestamp, generation 1 and resourceVersion; a missing name
   * is made from {@code metadata.generateName}. Status given here is kept (Kubernetes drops it for
   * kinds with a status subresource; Argo's own CLIs never send one).
   *
   * @throws ResourceStoreException ALREADY_EXISTS or INVALID
   */
  Resource create(Resource resource);

  /**
   * Replaces metadata and spec if {@code metadata.resourceVersion} is still current. Status is taken
   * from the stored copy. A spec change bumps generation. Removing the last finalizer of a resource
   * being deleted completes the deletion.
   *
   * @throws ResourceStoreException CONFLICT on a stale version, NOT_FOUND, INVALID
   */
  Resource update(Resource resource);

  /** Replaces only status, compare-and-set on {@code metadata.resourceVersion}. */
  Resource updateStatus(Resource resource);

  /**
   * Deletes a resource. With finalizers it is only marked ({@code deletionTimestamp}) and the marked
   * copy is returned; without, it is removed and its last state returned.
   *
   * @throws ResourceStoreException NOT_FOUND
   */
  Resource delete(ResourceKind kind, String namespace, String name);

  /**
   * Watches a kind (one namespace or, given null, all). With {@code fromResourceVersion} null every
   * existing resource is first sent as ADDED; with a version from a list or an earlier event, only
   * the changes after it are sent, each once and in order.
   */
  Watch watch(ResourceKind kind, String namespace, String fromResourceVersion, ResourceWatcher watcher);

  /** A running watch; closing it stops events. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
