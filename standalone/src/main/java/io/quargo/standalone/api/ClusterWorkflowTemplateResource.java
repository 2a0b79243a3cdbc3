package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Argo Server's ClusterWorkflowTemplateService: {@code /api/v1/cluster-workflow-templates}, body field {@code template}. */
@Path("/api/v1/cluster-workflow-templates")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterWorkflowTemplateResource {
  @Inject
  WorkflowServices services;

  private ResourceApi api() {
    return new ResourceApi(services.store(), ArgoKinds.CLUSTER_WORKFLOW_TEMPLATE, "template", true);
  }

  @POST
  public JsonNode create(String body) {
    return api().create(null, body);
  }

  @GET
  public JsonNode list(@QueryParam("listOptions.labelSelector") String labelSelector) {
    return api().list(null, labelSelector);
  }

  @GET
  @Path("{name}")
  public JsonNode get(@PathParam("name") String name) {
    return api().get(null, name);
  }

  @PUT
  @Path("{name}")
  public JsonNode update(@PathParam("name") String name, String body) {
    return api().update(null, name, body);
  }

  @DELETE
  @Path("{name}")
  public JsonNode delete(@PathParam("name") String name) {
    return api().delete(null, name);
  }

  @POST
  @Path("lint")
  public JsonNode lint(String body) {
    return api().lint(null, body);
  }
}
