package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a finished step or task gives the steps after it ({@code steps.<name>.*} / {@code tasks.<name>.*}),
 * including Argo's aggregates for expanded loops ({@code processAggregateNodeOutputs}).
 */
final class Scope {
  private Scope() {}

  /** One node: id, status, times, exitCode, result, parameters, artifacts; absent outputs of a skipped node. */
  static void add(Map<String, Object> vars, String prefix, Node node, JsonNode declaredOutputs) {
    vars.put(prefix + ".id", node.id);
    vars.put(prefix + ".status", node.phase.name());
    if (node.startedAt != null) {
      vars.put(prefix + ".startedAt", Times.k8s(node.startedAt));
    }
    if (node.finishedAt != null) {
      vars.put(prefix + ".finishedAt", Times.k8s(node.finishedAt));
    }
    vars.put(prefix + ".hostNodeName", node.hostNodeName == null ? "" : node.hostNodeName);
    vars.put(prefix + ".ip", "127.0.0.1");
    if (node.outputs == null && !node.phase.completed()) {
      absent(vars, prefix, declaredOutputs);
      return;
    }
    if (node.outputs == null) {
      return;
    }
    if (node.exitCode() != null) {
      vars.put(prefix + ".exitCode", node.exitCode());
    }
    if (node.outputs.has("result")) {
      vars.put(prefix + ".outputs.result", node.result());
    }
    for (JsonNode p : node.outputs.path("parameters")) {
      vars.put(prefix + ".outputs.parameters." + p.path("name").asText(),
          p.has("value") ? p.get("value").asText() : null);
    }
    for (JsonNode a : node.outputs.path("artifacts")) {
      vars.put(prefix + ".outputs.artifacts." + a.path("name").asText(), Artifacts.var(a));
    }
  }

  /** A skipped or omitted producer: outputs are absent (nil in expressions) unless the producer has a default. */
  private static void absent(Map<String, Object> vars, String prefix, JsonNode declared) {
    vars.put(prefix + ".outputs.result", null);
    if (declared == null) {
      return;
    }
    for (JsonNode p : declared.path("parameters")) {
      JsonNode def = p.path("valueFrom").get("default");
      vars.put(prefix + ".outputs.parameters." + p.path("name").asText(), def == null ? null : Inputs.text(def));
    }
  }

  /** Expanded children: JSON arrays of results and parameters from the Succeeded ones, by loop index. */
  static void aggregate(Map<String, Object> vars, String prefix, List<Node> children) {
    ArrayNode results = Json.MAPPER.createArrayNode();
    ArrayNode paramMaps = Json.MAPPER.createArrayNode();
    Map<String, List<String>> byName = new LinkedHashMap<>();
    boolean anyResult = false;
    for (Node child : children) {
      if (child.phase != NodePhase.Succeeded || child.outputs == null) {
        continue;
      }
      if (child.outputs.has("parameters")) {
        ObjectNode map = paramMaps.addObject();
        for (JsonNode p : child.outputs.get("parameters")) {
          String value = p.path("value").asText();
          map.put(p.path("name").asText(), value);
          byName.computeIfAbsent(p.path("name").asText(), k -> new ArrayList<>()).add(value);
        }
      }
      if (child.outputs.has("result")) {
        anyResult = true;
        results.add(jsonOrString(child.result()));
      }
    }
    vars.put(prefix + ".outputs.result", Json.string(results));
    vars.put(prefix + ".outputs.parameters", Json.string(paramMaps));
    byName.forEach((name, values) -> {
      ArrayNode list = Json.MAPPER.createArrayNode();
      values.forEach(list::add);
      vars.put(prefix + ".outputs.parameters." + name, Json.string(list));
    });
    if (!anyResult) {
      vars.put(prefix + ".outputs.result", Json.string(results));
    }
  }

  /** Argo unmarshals each result as a JSON item; a plain word is kept as a string rather than failing. */
  private static JsonNode jsonOrString(String text) {
    try {
      JsonNode n = Json.MAPPER.readTree(text);
      return n == null || n.isMissingNode() ? Json.MAPPER.getNodeFactory().textNode(text) : n;
    } catch (Exception e) {
      return Json.MAPPER.getNodeFactory().textNode(text);
    }
  }
}
