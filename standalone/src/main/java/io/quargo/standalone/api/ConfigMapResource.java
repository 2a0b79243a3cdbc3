package io.quargo.standalone.api;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * ConfigMaps (v1), a Quargo addition for {@code quargo apply}: {@code /api/v1/config-maps/{namespace}}, body field
 * {@code configMap}. Standalone has no apiserver, so this is where a workflow's semaphore limits
 * ({@code synchronization.semaphore.configMapKeyRef}) come from; a change applies to the next acquisition.
 */
@Path("/api/v1/config-maps/{namespace}")
public class ConfigMapResource extends NamespacedCrud {
  @Inject
  WorkflowServices services;

  @Override
  protected ResourceApi api() {
    return new ResourceApi(services.store(), ArgoKinds.CONFIG_MAP, "configMap", false);
  }
}
