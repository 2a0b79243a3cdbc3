package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Argo Server's CronWorkflowService (storage and lint; schedules are run by the cron controller, not here): {@code /api/v1/cron-workflows/{namespace}}, body field {@code cronWorkflow}. */
@Path("/api/v1/cron-workflows/{namespace}")
public class CronWorkflowResource extends NamespacedCrud {
  @Inject
  WorkflowServices services;

  @Override
  protected ResourceApi api() {
    return new ResourceApi(services.store(), ArgoKinds.CRON_WORKFLOW, "cronWorkflow", true);
  }

  @POST
  @Path("lint")
  public JsonNode lint(@PathParam("namespace") String namespace, String body) {
    return api().lint(namespace, body);
  }
}
