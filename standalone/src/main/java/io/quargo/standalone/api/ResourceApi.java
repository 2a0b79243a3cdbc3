package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.workflow.controller.StoreTemplates;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Create, list, get, update, delete and lint of one kind, with Argo Server's request shapes: the object sits
 * in one body field ({@code template}, {@code cronWorkflow}, {@code eventSource}, ...), a list answers
 * {@code {"metadata":{"resourceVersion"},"items":[..]}}, a delete answers {@code {}}.
 */
public final class ResourceApi {
  private final ResourceStore store;
  private final ResourceKind kind;
  private final String field;
  private final boolean lint;
  private final UnaryOperator<ObjectNode> admit;
  private final UnaryOperator<JsonNode> view;

  /**
   * @param field the body field holding the object
   * @param lint whether objects are linted as workflows before they are stored (workflow kinds)
   */
  public ResourceApi(ResourceStore store, ResourceKind kind, String field, boolean lint) {
    this(store, kind, field, lint, o -> o, o -> o);
  }

  private ResourceApi(ResourceStore store, ResourceKind kind, String field, boolean lint,
      UnaryOperator<ObjectNode> admit, UnaryOperator<JsonNode> view) {
    this.store = store;
    this.kind = kind;
    this.field = field;
    this.lint = lint;
    this.admit = admit;
    this.view = view;
  }

  /**
   * The same API with the object rewritten before it is stored ({@code admit}, which may refuse it with an
   * IllegalArgumentException naming the field) and every answer passed through {@code view} (Secrets: no values).
   */
  public ResourceApi shaped(UnaryOperator<ObjectNode> admit, UnaryOperator<JsonNode> view) {
    return new ResourceApi(store, kind, field, lint, admit, view);
  }

  public JsonNode create(String namespace, String body) {
    RequestBody request = RequestBody.parse(body);
    ObjectNode object = prepare(request.object(field, example()), namespace);
    if (lint) {
      ManifestLint.check(object, field, kind.kind(), new StoreTemplates(store, namespace));
    }
    return view.apply(store.create(Resource.of(object)).tree());
  }

  public JsonNode list(String namespace, String labelSelector) {
    LabelSelector selector = LabelSelector.parse(labelSelector, "listOptions.labelSelector");
    ResourceList list = store.list(kind, namespace);
    List<Resource> items = list.items().stream().filter(r -> selector.matches(r.labels())).toList();
    ObjectNode answer = listAnswer(list.resourceVersion(), List.of());
    items.forEach(r -> answer.withArray("items").add(view.apply(r.tree())));
    return answer;
  }

  public JsonNode get(String namespace, String name) {
    return view.apply(store.get(kind, namespace, name).orElseThrow(() -> notFound(namespace, name)).tree());
  }

  /**
   * Replaces the object. Without {@code metadata.resourceVersion} the stored one is used, so {@code quargo
   * apply} can resend a manifest; with one, a stale version is a conflict as in Kubernetes.
   */
  public JsonNode update(String namespace, String name, String body) {
    RequestBody request = RequestBody.parse(body);
    ObjectNode object = prepare(request.object(field, example()), namespace);
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    String given = metadata.path("name").asText("");
    if (!given.isEmpty() && !given.equals(name)) {
      throw ApiException.invalid(field + ".metadata.name is \"" + given + "\" but the URL names \"" + name
          + "\": rename one so they agree");
    }
    metadata.put("name", name);
    Resource current = store.get(kind, namespace, name).orElseThrow(() -> notFound(namespace, name));
    if (!metadata.hasNonNull("resourceVersion")) {
      metadata.put("resourceVersion", current.resourceVersion());
    }
    if (lint) {
      ManifestLint.check(object, field, kind.kind(), new StoreTemplates(store, namespace));
    }
    return view.apply(store.update(Resource.of(object)).tree());
  }

  public JsonNode delete(String namespace, String name) {
    try {
      store.delete(kind, namespace, name);
    } catch (ResourceStoreException e) {
      if (e.reason() == ResourceStoreException.Reason.NOT_FOUND) {
        throw notFound(namespace, name);
      }
      throw e;
    }
    return Json.MAPPER.createObjectNode();
  }

  /** {@code POST .../lint}: the object back when it passes. */
  public JsonNode lint(String namespace, String body) {
    ObjectNode object = prepare(RequestBody.parse(body).object(field, example()), namespace);
    ManifestLint.check(object, field, kind.kind(), new StoreTemplates(store, namespace));
    return view.apply(object);
  }

  /** Fills apiVersion, kind and the URL's namespace; a different namespace in the object is an error. */
  private ObjectNode prepare(ObjectNode object, String namespace) {
    ObjectNode copy = object.deepCopy();
    if (!copy.hasNonNull("apiVersion")) {
      copy.put("apiVersion", kind.apiVersion());
    }
    if (!copy.hasNonNull("kind")) {
      copy.put("kind", kind.kind());
    } else if (!copy.get("kind").asText().equals(kind.kind())) {
      throw ApiException.invalid(field + ".kind is \"" + copy.get("kind").asText() + "\" but this endpoint takes "
          + kind.kind() + ": send it to its own endpoint");
    }
    JsonNode metadata = copy.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      throw ApiException.invalid(field + ".metadata must be an object, got " + metadata.getNodeType());
    }
    ObjectNode meta = copy.with("metadata");
    if (namespace != null) {
      String given = meta.path("namespace").asText("");
      if (!given.isEmpty() && !given.equals(namespace)) {
        throw ApiException.invalid(field + ".metadata.namespace is \"" + given + "\" but the URL names namespace \""
            + namespace + "\": send it to /" + given + " or drop metadata.namespace");
      }
      meta.put("namespace", namespace);
    } else {
      meta.remove("namespace");
    }
    if (meta.path("name").asText("").isEmpty() && meta.path("generateName").asText("").isEmpty()) {
      throw ApiException.invalid(field + ".metadata.name is missing: give the " + kind.kind()
          + " a name (or a metadata.generateName prefix)");
    }
    try {
      return admit.apply(copy);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(e.getMessage());
    }
  }

  ApiException notFound(String namespace, String name) {
    return ApiException.notFound(kind.plural() + "." + kind.group() + " \"" + name + "\" not found"
        + (namespace == null ? "" : " in namespace " + namespace));
  }

  private String example() {
    return "{\"metadata\":{\"name\":..},\"spec\":{..}}";
  }

  static ObjectNode listAnswer(String resourceVersion, List<Resource> items) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.putObject("metadata").put("resourceVersion", resourceVersion);
    items.forEach(r -> out.withArray("items").add(r.tree()));
    if (!out.has("items")) {
      out.putArray("items");
    }
    return out;
  }
}
