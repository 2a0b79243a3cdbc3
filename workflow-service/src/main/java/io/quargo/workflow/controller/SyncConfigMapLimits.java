package io.quargo.workflow.controller;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.SyncLimits;
import io.quargo.workflow.engine.SyncRef;

/**
 * Semaphore limits from ConfigMaps (kind ConfigMap, apiVersion v1) in the controller's resource store, read on
 * every acquisition as Argo reads them from Kubernetes: {@code data.<key>} as a whole number.
 */
final class SyncConfigMapLimits implements SyncLimits {
  private final ResourceStore store;

  SyncConfigMapLimits(ResourceStore store) {
    this.store = store;
  }

  @Override
  public int limit(SyncRef ref) {
    Resource cm = store.get(ArgoKinds.CONFIG_MAP, ref.namespace(), ref.configMap())
        .orElseThrow(() -> new EngineException("failed to initialize semaphore " + ref.key() + ": configmaps \""
            + ref.configMap() + "\" not found in namespace " + ref.namespace() + "; create it with data."
            + ref.configMapKey() + " set to the limit (quargo apply -f <configmap.yaml>)"));
    var value = cm.tree().path("data").get(ref.configMapKey());
    return SyncLimits.parse(ref, value == null || value.isNull() ? null : value.asText());
  }
}
