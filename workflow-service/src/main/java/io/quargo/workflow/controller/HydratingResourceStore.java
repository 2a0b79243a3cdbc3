package io.quargo.workflow.controller;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceWatcher;
import java.util.Optional;

/**
 * The store as the API reads it: a Workflow fetched by name comes with its offloaded nodes put back. Lists and
 * watches pass through as stored (nodes left out of big workflows, as Argo's lists of offloaded workflows are).
 */
public final class HydratingResourceStore implements ResourceStore {
  private final ResourceStore store;
  private final WorkflowController controller;

  public HydratingResourceStore(ResourceStore store, WorkflowController controller) {
    this.store = store;
    this.controller = controller;
  }

  @Override
  public Optional<Resource> get(ResourceKind kind, String namespace, String name) {
    Optional<Resource> found = store.get(kind, namespace, name);
    return kind.equals(ArgoKinds.WORKFLOW) ? found.map(controller::hydrate) : found;
  }

  @Override
  public ResourceList list(ResourceKind kind, String namespace) {
    return store.list(kind, namespace);
  }

  @Override
  public Resource create(Resource resource) {
    return store.create(resource);
  }

  @Override
  public Resource update(Resource resource) {
    return store.update(resource);
  }

  @Override
  public Resource updateStatus(Resource resource) {
    return store.updateStatus(resource);
  }

  @Override
  public Resource delete(ResourceKind kind, String namespace, String name) {
    return store.delete(kind, namespace, name);
  }

  @Override
  public Watch watch(ResourceKind kind, String namespace, String fromResourceVersion, ResourceWatcher watcher) {
    return store.watch(kind, namespace, fromResourceVersion, watcher);
  }
}
