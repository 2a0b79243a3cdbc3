package io.quargo.standalone.api;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Argo Server's SensorService (storage, for quargo apply): {@code /api/v1/sensors/{namespace}}, body field {@code sensor}. */
@Path("/api/v1/sensors/{namespace}")
public class SensorResource extends NamespacedCrud {
  @Inject
  WorkflowServices services;

  @Override
  protected ResourceApi api() {
    return new ResourceApi(services.store(), ArgoKinds.SENSOR, "sensor", false);
  }
}
