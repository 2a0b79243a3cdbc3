package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.standalone.workflow.WorkflowServices;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** Argo Server's WorkflowService over HTTP: {@code /api/v1/workflows/{namespace}}. The logic is in the *Api classes. */
@Path("/api/v1/workflows/{namespace}")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {
  private static final long LOG_POLL_MILLIS = 200;

  @Inject
  WorkflowServices services;

  @Inject
  ApiStreams streams;

  @POST
  public JsonNode create(@PathParam("namespace") String namespace, String body) {
    return api().create(namespace, body);
  }

  @GET
  public JsonNode list(@PathParam("namespace") String namespace,
      @QueryParam("listOptions.labelSelector") String labelSelector) {
    return api().list(namespace, labelSelector);
  }

  @GET
  @Path("{name}")
  public JsonNode get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
    return api().get(namespace, name);
  }

  @DELETE
  @Path("{name}")
  public JsonNode delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
    return api().delete(namespace, name);
  }

  @POST
  @Path("lint")
  public JsonNode lint(@PathParam("namespace") String namespace, String body) {
    return api().lint(namespace, body);
  }

  @POST
  @Path("submit")
  public JsonNode submit(@PathParam("namespace") String namespace, String body) {
    return api().submit(namespace, body);
  }

  @PUT
  @Path("{name}/{action}")
  public JsonNode act(@PathParam("namespace") String namespace, @PathParam("name") String name,
      @PathParam("action") String action, String body) {
    if (action.equals("resubmit")) {
      return api().resubmit(namespace, name, body);
    }
    return new WorkflowActionsApi(services.store(), services.controller(), Clock.systemUTC())
        .act(namespace, name, action, body);
  }

  @GET
  @Path("{name}/log")
  @Produces({MediaType.APPLICATION_JSON, "text/event-stream"}) // newline-delimited JSON, or SSE when asked
  public Response log(@PathParam("namespace") String namespace, @PathParam("name") String name,
      @QueryParam("podName") String podName,
      @QueryParam("logOptions.container") @DefaultValue("main") String container,
      @QueryParam("logOptions.follow") @DefaultValue("false") boolean follow,
      @HeaderParam("Accept") String accept, @Context HttpServerResponse response) {
    WorkflowLogs logs = new WorkflowLogs(services.store(), services.executor()::readLog, LOG_POLL_MILLIS);
    logs.check(namespace, name, podName);
    return streams.open(response, StreamWriter.wantsEventStream(accept),
        w -> logs.stream(namespace, name, podName, container, follow, w));
  }

  private WorkflowApi api() {
    return new WorkflowApi(services.store(), services.controller());
  }
}
