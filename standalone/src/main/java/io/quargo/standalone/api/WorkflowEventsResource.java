package io.quargo.standalone.api;

import io.quargo.eventbus.BusConnection;
import io.quargo.standalone.workflow.WorkflowServices;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/v1/workflow-events/{namespace}}: Argo's workflow watch, fed by lifecycle events. */
@Path("/api/v1/workflow-events/{namespace}")
public class WorkflowEventsResource {
  @Inject
  WorkflowServices services;

  @Inject
  BusConnection bus;

  @Inject
  ApiStreams streams;

  @GET
  public Response watch(@PathParam("namespace") String namespace,
      @QueryParam("listOptions.fieldSelector") String fieldSelector, @HeaderParam("Accept") String accept,
      @Context HttpServerResponse response) {
    String name = WorkflowEventStream.nameFilter(fieldSelector);
    WorkflowEventStream events = new WorkflowEventStream(bus, services.store());
    return streams.open(response, StreamWriter.wantsEventStream(accept), w -> events.stream(namespace, name, w));
  }
}
