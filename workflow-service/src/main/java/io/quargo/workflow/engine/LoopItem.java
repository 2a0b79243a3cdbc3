package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One item of {@code withItems}/{@code withParam}/{@code withSequence}: its variables and its name suffix. */
record LoopItem(int index, JsonNode value) {

  /** {@code item}, and {@code item.<key>} for a map item. */
  Map<String, Object> vars() {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (value.isObject()) {
      vars.put("item", Json.string(value));
      Iterator<Map.Entry<String, JsonNode>> it = value.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        vars.put("item." + e.getKey(), Inputs.text(e.getValue()));
      }
    } else {
      vars.put("item", Inputs.text(value));
    }
    return vars;
  }

  /** Argo's {@code generateNodeName}: {@code name(i:desc)}, map pairs sorted, parentheses dropped. */
  String nodeName(String name) {
    String desc = describe(value).replace("(", "").replace(")", "");
    return name + "(" + index + ":" + desc + ")";
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      List<String> pairs = new ArrayList<>();
      v.fields().forEachRemaining(e -> pairs.add(e.getKey() + ":" + goValue(e.getValue())));
      pairs.sort(null);
      return String.join(",", pairs);
    }
    return goValue(v);
  }

  /** Go's {@code %v} of a decoded JSON value. */
  private static String goValue(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(goValue(e)));
      return "[" + String.join(" ", parts) + "]";
    }
    if (v.isObject()) {
      List<String> pairs = new ArrayList<>();
      v.fields().forEachRemaining(e -> pairs.add(e.getKey() + ":" + goValue(e.getValue())));
      pairs.sort(null);
      return "map[" + String.join(" ", pairs) + "]";
    }
    return v.asText();
  }
}
