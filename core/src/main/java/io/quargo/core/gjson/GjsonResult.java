package io.quargo.core.gjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;

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
}
