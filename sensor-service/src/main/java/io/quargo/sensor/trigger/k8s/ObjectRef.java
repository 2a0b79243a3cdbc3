package io.quargo.sensor.trigger.k8s;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which object a k8s trigger acts on: its {@code apiVersion}, {@code kind}, namespace and name (empty while a
 * {@code generateName} object is not created yet).
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
  /** The reference an object's own fields give. */
  public static ObjectRef of(JsonNode object) {
    JsonNode meta = object.path("metadata");
    return new ObjectRef(object.path("apiVersion").asText(""), object.path("kind").asText(""),
        meta.path("namespace").asText(""), meta.path("name").asText(""));
  }

  public ObjectRef withName(String newName) {
    return new ObjectRef(apiVersion, kind, namespace, newName);
  }

  /** The API group, empty for the core group ({@code v1}). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  @Override
  public String toString() {
    return kind + "." + apiVersion + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
