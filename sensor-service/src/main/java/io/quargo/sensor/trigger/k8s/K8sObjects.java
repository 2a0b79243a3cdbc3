package io.quargo.sensor.trigger.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Pure operations on the k8s trigger's objects: reading a manifest, and the two ways of merging one into another. */
public final class K8sObjects {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private K8sObjects() {}

  /** One manifest written as YAML or JSON text (a configmap value, {@code source.inline}); empty when it is not one. */
  public static Optional<ObjectNode> manifest(String text) {
    try {
      JsonNode parsed = YAML.readTree(text);
      return parsed instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Argo's {@code update}: the given object merged into the live one. Objects merge field by field; anything
   * else (text, numbers, lists) in {@code given} replaces the live value. {@code live} is changed and returned.
   */
  public static ObjectNode mergeInto(ObjectNode live, JsonNode given) {
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode current = live.get(e.getKey());
      if (current instanceof ObjectNode c && e.getValue().isObject()) {
        mergeInto(c, e.getValue());
      } else if (!e.getValue().isNull()) {
        live.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return live;
  }

  /** An RFC 7386 JSON merge patch applied to {@code target}: null removes a field, objects merge, the rest replaces. */
  public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode out = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    patch.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) {
        out.remove(e.getKey());
      } else {
        out.set(e.getKey(), mergePatch(out.get(e.getKey()), e.getValue()));
      }
    });
    return out;
  }
}
