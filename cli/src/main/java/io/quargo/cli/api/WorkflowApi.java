package io.quargo.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The Argo Server WorkflowService calls the CLI makes, with request bodies as swagger.json names them. */
public final class WorkflowApi {
  private final ArgoClient client;
  private final String namespace;

  public WorkflowApi(ArgoClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }

  public ArgoClient client() {
    return client;
  }

  private String collection() {
    return Kind.WORKFLOW.collectionPath(namespace);
  }

  private String item(String name) {
    return Kind.WORKFLOW.itemPath(namespace, name);
  }

  /** POST /api/v1/workflows/{ns} {"namespace","workflow","serverDryRun"}. */
  public JsonNode create(JsonNode workflow, boolean serverDryRun) {
    ObjectNode body = Kind.WORKFLOW.createRequest(namespace, workflow);
    if (serverDryRun) {
      body.put("serverDryRun", true);
    }
    return client.post(collection(), body);
  }

  /** POST /api/v1/workflows/{ns}/submit {"namespace","resourceKind","resourceName","submitOptions"}. */
  public JsonNode submitFrom(String resourceKind, String resourceName, JsonNode submitOptions) {
    ObjectNode body = Json.object();
    body.put("namespace", namespace);
    body.put("resourceKind", resourceKind);
    body.put("resourceName", resourceName);
    body.set("submitOptions", submitOptions);
    return client.post(collection() + "/submit", body);
  }

  /** POST /api/v1/workflows/{ns}/lint {"namespace","workflow"}. */
  public JsonNode lint(JsonNode workflow) {
    return client.post(collection() + "/lint", Kind.WORKFLOW.createRequest(namespace, workflow));
  }

  public JsonNode get(String name) {
    return client.get(item(name));
  }

  public JsonNode delete(String name) {
    return client.delete(item(name));
  }

  /** GET /api/v1/workflows/{ns}?listOptions.labelSelector=..&listOptions.fieldSelector=..; items may be null. */
  public List<JsonNode> list(String labelSelector, String fieldSelector) {
    List<String> q = new ArrayList<>();
    if (labelSelector != null && !labelSelector.isBlank()) {
      q.add(ArgoClient.query("listOptions.labelSelector", labelSelector));
    }
    if (fieldSelector != null && !fieldSelector.isBlank()) {
      q.add(ArgoClient.query("listOptions.fieldSelector", fieldSelector));
    }
    JsonNode answer = client.get(collection() + (q.isEmpty() ? "" : "?" + String.join("&", q)));
    List<JsonNode> items = new ArrayList<>();
    answer.path("items").forEach(items::add);
    return items;
  }

  /** PUT /api/v1/workflows/{ns}/{name}/{action} with {"name","namespace", ...fields}. */
  public JsonNode action(String name, String action, ObjectNode fields) {
    ObjectNode body = Json.object();
    body.put("name", name);
    body.put("namespace", namespace);
    if (fields != null) {
      body.setAll(fields);
    }
    return client.put(item(name) + "/" + action, body);
  }

  public static ArrayNode strings(List<String> values) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** Streams workflow-events for one workflow: each {"type","object"} until {@code onEvent} says stop. */
  public boolean watch(String name, Predicate<JsonNode> onEvent) {
    String path = "/api/v1/workflow-events/" + ArgoClient.segment(namespace) + "?"
        + ArgoClient.query("listOptions.fieldSelector", "metadata.name=" + name);
    return client.stream(path, onEvent);
  }

  /** GET /api/v1/workflows/{ns}/{name}/log?podName=..&logOptions.container=..&logOptions.follow=.. */
  public boolean logs(String name, String podName, String container, boolean follow, String grep,
      Predicate<JsonNode> onEntry) {
    List<String> q = new ArrayList<>();
    if (podName != null) {
      q.add(ArgoClient.query("podName", podName));
    }
    q.add(ArgoClient.query("logOptions.container", container));
    q.add(ArgoClient.query("logOptions.follow", Boolean.toString(follow)));
    if (grep != null) {
      q.add(ArgoClient.query("grep", grep));
    }
    return client.stream(item(name) + "/log?" + String.join("&", q), onEntry);
  }
}
