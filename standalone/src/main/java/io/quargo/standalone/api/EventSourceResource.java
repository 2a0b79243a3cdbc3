package io.quargo.standalone.api;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Argo Server's EventSourceService (storage, for quargo apply): {@code /api/v1/event-sources/{namespace}}, body field {@code eventSource}. */
@Path("/api/v1/event-sources/{namespace}")
public class EventSourceResource extends NamespacedCrud {
  @Inject
  WorkflowServices services;

  @Override
  protected ResourceApi api() {
    return new ResourceApi(services.store(), ArgoKinds.EVENT_SOURCE, "eventSource", false);
  }
}
