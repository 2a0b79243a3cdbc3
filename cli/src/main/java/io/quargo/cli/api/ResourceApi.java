package io.quargo.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.List;

/** create/get/list/update/delete/lint of any {@link Kind} over its REST collection. */
public final class ResourceApi {
  private final ArgoClient client;
  private final String namespace;

  public ResourceApi(ArgoClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  public List<JsonNode> list(Kind kind) {
    List<JsonNode> items = new ArrayList<>();
    client.get(kind.collectionPath(namespace)).path("items").forEach(items::add);
    return items;
  }

  public JsonNode get(Kind kind, String name) {
    return client.get(kind.itemPath(namespace, name));
  }

  /** The object, or null when the server says 404. */
  public JsonNode find(Kind kind, String name, String ns) {
    try {
      return client.get(kind.itemPath(ns, name));
    } catch (ApiException e) {
      if (e.notFound()) {
        return null;
      }
      throw e;
    }
  }

  public JsonNode create(Kind kind, String ns, JsonNode object) {
    return client.post(kind.collectionPath(ns), kind.createRequest(ns, object));
  }

  public JsonNode update(Kind kind, String ns, String name, JsonNode object) {
    return client.send(kind.updateMethod(), kind.updatePath(ns, name), kind.updateRequest(ns, name, object));
  }

  public JsonNode delete(Kind kind, String name) {
    return client.delete(kind.itemPath(namespace, name));
  }

  /** POST {collection}/lint with the create request body; Argo has lint for the workflow kinds only. */
  public JsonNode lint(Kind kind, String ns, JsonNode object) {
    return client.post(kind.collectionPath(ns) + "/lint", kind.createRequest(ns, object));
  }

  /** PUT .../cron-workflows/{ns}/{name}/suspend|resume {"name","namespace"}. */
  public JsonNode cronAction(String name, String action) {
    ObjectNode body = Json.object().put("name", name).put("namespace", namespace);
    return client.put(Kind.CRON_WORKFLOW.itemPath(namespace, name) + "/" + action, body);
  }

  public String namespace() {
    return namespace;
  }
}
