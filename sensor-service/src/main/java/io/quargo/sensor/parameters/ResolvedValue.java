package io.quargo.sensor.parameters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resolved parameter value: the text Argo would hold, and whether it is inserted as raw JSON
 * ({@code useRawData}) or as a JSON string.
 */
record ResolvedValue(String text, boolean raw) {
  static ResolvedValue of(JsonNode node, boolean raw) {
    // gjson's String() for strings, Raw for the rest; without useRawData both end up as a JSON string
    if (node.isNull() && !raw) {
      return new ResolvedValue("", false);
    }
    String text = node.isTextual() ? (raw ? node.toString() : node.asText())
        : node.isContainerNode() || node.isNumber() || node.isBoolean() || node.isNull() ? node.toString()
        : node.asText();
    return new ResolvedValue(text, raw);
  }
}
