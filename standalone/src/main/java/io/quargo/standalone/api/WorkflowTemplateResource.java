package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Argo Server's WorkflowTemplateService: {@code /api/v1/workflow-templates/{namespace}}, body field {@code template}. */
@Path("/api/v1/workflow-templates/{namespace}")
public class WorkflowTemplateResource extends NamespacedCrud {
  @Inject
  WorkflowServices services;

  @Override
  protected ResourceApi api() {
    return new ResourceApi(services.store(), ArgoKinds.WORKFLOW_TEMPLATE, "template", true);
  }

  @POST
  @Path("lint")
  public JsonNode lint(@PathParam("namespace") String namespace, String body) {
    return api().lint(namespace, body);
  }
}
