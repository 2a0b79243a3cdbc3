package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The endpoints every namespaced kind shares: POST, GET list, GET/PUT/DELETE {name}. */
@Produces(MediaType.APPLICATION_JSON)
public abstract class NamespacedCrud {

  protected abstract ResourceApi api();

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

  @PUT
  @Path("{name}")
  public JsonNode update(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
    return api().update(namespace, name, body);
  }

  @DELETE
  @Path("{name}")
  public JsonNode delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
    return api().delete(namespace, name);
  }
}
