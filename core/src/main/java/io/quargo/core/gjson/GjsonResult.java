package io.quargo.core.gjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value at a path, or nothing: gjson's Result with exists() and String(). */
public record GjsonResult(JsonNode node) {
  static final GjsonResult NONE = new GjsonResult(null);

  public boolean exists() {
    return node != null;
  }

  /** gjson's String(): strings raw, numbers and booleans as written, null and missing as "", JSON as text. */
  public String asString() {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    return node.isContainerNode() ? Json.string(node) : node.toString();
  }

  /**
   * gjson's Value(): Double for numbers (Go float64), String, Boolean, null, List and Map - what a Sensor
   * {@code exprs} filter hands to govaluate.
   */
  public Object value() {
    return node == null ? null : plain(node);
  }

  private static Object plain(JsonNode n) {
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      n.forEach(e -> out.add(plain(e)));
      return out;
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
      return out;
    }
    return null;
  }
}
