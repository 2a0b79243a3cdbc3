package io.quargo.sensor.parameters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resolved parameter value: the text Argo would hold, and whether it may go in as raw JSON. Only values read by
 * key that are not JSON strings (objects, lists, numbers, booleans, null) may; with {@code useRawData} they are
 * inserted as JSON, everything else (templates, defaults, the whole event, strings) as a JSON string.
 */
record ResolvedValue(String text, boolean rawCapable) {
  static ResolvedValue string(String text) {
    return new ResolvedValue(text, false);
  }

  /** gjson's Raw for objects, lists and null, String() for the rest, as Argo's getValueByKey. */
  static ResolvedValue byKey(JsonNode node) {
    if (node.isTextual()) {
      return new ResolvedValue(node.asText(), false);
    }
    return new ResolvedValue(node.toString(), true);
  }
}
