package io.quargo.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manifest as the user wrote it (apiVersion, kind, metadata, spec, status and any unknown field),
 * kept as a JSON tree so nothing is dropped. Instances are immutable: every {@code with*} returns a
 * copy.
 */
public final class Resource {
  private final ObjectNode tree;

  private Resource(ObjectNode tree) {
    this.tree = tree;
  }

  /** Wraps a copy of the tree; the caller's tree is never shared. */
  public static Resource of(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("a resource must be a JSON object, got "
          + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()));
    }
    return new Resource(((ObjectNode) tree).deepCopy());
  }

  public static Resource fromJson(byte[] json) {
    return of(Json.parse(json));
  }

  /** A new, empty resource of a kind: apiVersion, kind and metadata set. */
  public static Resource create(ResourceKind kind, String namespace, String name) {
    ObjectNode tree = Json.object();
    tree.put("apiVersion", kind.apiVersion());
    tree.put("kind", kind.kind());
    ObjectNode metadata = tree.putObject("metadata");
    if (name != null) {
      metadata.put("name", name);
    }
    if (namespace != null && kind.namespaced()) {
      metadata.put("namespace", namespace);
    }
    return new Resource(tree);
  }

  public byte[] toJson() {
    return Json.bytes(tree);
  }

  /** A copy of the whole tree. */
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  public String apiVersion() {
    return text(tree, "apiVersion");
  }

  public String kind() {
    return text(tree, "kind");
  }

  public String name() {
    return text(metadata(), "name");
  }

  public String generateName() {
    return text(metadata(), "generateName");
  }

  public String namespace() {
    return text(metadata(), "namespace");
  }

  public String uid() {
    return text(metadata(), "uid");
  }

  public String resourceVersion() {
    return text(metadata(), "resourceVersion");
  }

  public long generation() {
    return metadata().path("generation").asLong(0);
  }

  public String creationTimestamp() {
    return text(metadata(), "creationTimestamp");
  }

  public String deletionTimestamp() {
    return text(metadata(), "deletionTimestamp");
  }

  public boolean isDeleting() {
    return deletionTimestamp() != null;
  }

  public Map<String, String> labels() {
    return stringMap(metadata().path("labels"));
  }

  public Map<String, String> annotations() {
    return stringMap(metadata().path("annotations"));
  }

  public List<String> finalizers() {
    List<String> out = new ArrayList<>();
    metadata().path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  /** The spec, or a missing node; a copy, so callers cannot change this resource. */
  public JsonNode spec() {
    return tree.path("spec").deepCopy();
  }

  public JsonNode status() {
    return tree.path("status").deepCopy();
  }

  public Resource withName(String name) {
    return editMetadata(m -> m.put("name", name));
  }

  public Resource withNamespace(String namespace) {
    return editMetadata(m -> m.put("namespace", namespace));
  }

  public Resource withResourceVersion(String resourceVersion) {
    return editMetadata(m -> {
      if (resourceVersion == null) {
        m.remove("resourceVersion");
      } else {
        m.put("resourceVersion", resourceVersion);
      }
    });
  }

  public Resource withLabel(String key, String value) {
    return editMetadata(m -> m.with("labels").put(key, value));
  }

  public Resource withFinalizers(List<String> finalizers) {
    return editMetadata(m -> {
      ArrayNode array = m.putArray("finalizers");
      finalizers.forEach(array::add);
      if (finalizers.isEmpty()) {
        m.remove("finalizers");
      }
    });
  }

  public Resource withSpec(JsonNode spec) {
    return with("spec", spec);
  }

  public Resource withStatus(JsonNode status) {
    return with("status", status);
  }

  /** Sets (or, given null, removes) a top-level field. */
  public Resource with(String field, JsonNode value) {
    ObjectNode copy = tree.deepCopy();
    if (value == null || value.isMissingNode()) {
      copy.remove(field);
    } else {
      copy.set(field, value.deepCopy());
    }
    return new Resource(copy);
  }

  /** Changes metadata on a copy; the lambda receives the copy's metadata object. */
  public Resource editMetadata(java.util.function.Consumer<ObjectNode> edit) {
    ObjectNode copy = tree.deepCopy();
    JsonNode metadata = copy.get("metadata");
    edit.accept(metadata instanceof ObjectNode m ? m : copy.putObject("metadata"));
    return new Resource(copy);
  }

  /** "namespace/name", or just the name for cluster-scoped resources; for messages and logs. */
  public String ref() {
    String ns = namespace();
    return (ns == null ? "" : ns + "/") + (name() == null ? "<unnamed>" : name());
  }

  private JsonNode metadata() {
    return tree.path("metadata");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resource r && r.tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    return Json.string(tree);
  }
}
