package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.tags.ExpressionEnv;
import io.quargo.core.tags.GoFormat;
import io.quargo.workflow.executor.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** A template's declared {@code outputs} turned into a node's {@code outputs}. */
final class Outputs {
  private Outputs() {}

  /** A pod's outputs: path parameters from the executor, the rest from their {@code valueFrom}. */
  static ObjectNode forPod(ObjectNode tmpl, ExecutionResult result, Map<String, Object> vars, Node node) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    Map<String, Object> local = new LinkedHashMap<>(vars);
    if (result.result() != null) {
      local.put("outputs.result", result.result());
    }
    ArrayNode params = parameters(tmpl, local, result.outputParameters(), node);
    if (!params.isEmpty()) {
      out.set("parameters", params);
    }
    if (!result.outputArtifacts().isEmpty()) {
      ArrayNode arts = out.putArray("artifacts");
      for (JsonNode a : tmpl.path("outputs").path("artifacts")) {
        if (result.outputArtifacts().containsKey(a.path("name").asText())) {
          arts.add(Artifacts.recorded(a, result));
        }
      }
    }
    if (result.result() != null) {
      out.put("result", result.result());
    }
    if (result.exitCode() != null) {
      out.put("exitCode", Integer.toString(result.exitCode()));
    }
    return out.isEmpty() ? null : out;
  }

  /** A steps or DAG template's outputs, from its scope ({@code steps.*} / {@code tasks.*}). */
  static ObjectNode forScope(ObjectNode tmpl, Map<String, Object> vars, Node node) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode params = parameters(tmpl, vars, Map.of(), node);
    if (!params.isEmpty()) {
      out.set("parameters", params);
    }
    ArrayNode arts = Json.MAPPER.createArrayNode();
    for (JsonNode a : tmpl.path("outputs").path("artifacts")) {
      if (a.hasNonNull("from")) {
        String from = Substitution.text(a.get("from").asText(), vars, Substitution.FAIL);
        arts.add(Artifacts.fromScope(((ObjectNode) a).deepCopy().put("from", from)));
      }
    }
    if (!arts.isEmpty()) {
      out.set("artifacts", arts);
    }
    return out.isEmpty() ? null : out;
  }

  /** A suspend node's outputs: supplied values (set on resume) or their defaults. */
  static ObjectNode supplied(ObjectNode tmpl, ObjectNode current) {
    ArrayNode params = Json.MAPPER.createArrayNode();
    for (JsonNode p : tmpl.path("outputs").path("parameters")) {
      ObjectNode param = ((ObjectNode) p).deepCopy();
      String given = current == null ? null : findValue(current, p.path("name").asText());
      JsonNode def = p.path("valueFrom").get("default");
      if (given != null) {
        param.put("value", given);
      } else if (def != null) {
        param.put("value", Inputs.text(def));
      }
      params.add(param);
    }
    if (current != null) { // values supplied for names the template does not declare are kept too
      for (JsonNode p : current.path("parameters")) {
        if (Inputs.find(params, p.path("name").asText()) == null) {
          params.add(p);
        }
      }
    }
    if (params.isEmpty()) {
      return null;
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.set("parameters", params);
    return out;
  }

  private static String findValue(ObjectNode outputs, String name) {
    JsonNode p = Inputs.find(outputs.path("parameters"), name);
    return p == null || !p.has("value") ? null : p.get("value").asText();
  }

  private static ArrayNode parameters(ObjectNode tmpl, Map<String, Object> vars, Map<String, String> fromPaths,
      Node node) {
    ArrayNode params = Json.MAPPER.createArrayNode();
    for (JsonNode p : tmpl.path("outputs").path("parameters")) {
      ObjectNode param = ((ObjectNode) p).deepCopy();
      String name = p.path("name").asText();
      String value = value(p, vars, fromPaths.get(name));
      if (value != null) {
        param.put("value", value);
      }
      if (p.hasNonNull("globalName")) {
        if (node.globalNames == null) {
          node.globalNames = new LinkedHashMap<>();
        }
        node.globalNames.put(name, p.get("globalName").asText());
      }
      params.add(param);
    }
    return params;
  }

  private static String value(JsonNode p, Map<String, Object> vars, String fromPath) {
    if (fromPath != null) {
      return fromPath;
    }
    JsonNode from = p.path("valueFrom");
    String def = from.has("default") ? Inputs.text(from.get("default")) : null;
    try {
      if (from.hasNonNull("parameter")) {
        return Substitution.text(from.get("parameter").asText(), vars, Substitution.FAIL);
      }
      if (from.hasNonNull("expression")) {
        Object v = Substitution.EXPRESSIONS.evaluate(from.get("expression").asText(), ExpressionEnv.expand(vars));
        return v == null ? def : (v instanceof String s ? s : GoFormat.value(v));
      }
    } catch (RuntimeException e) {
      if (def != null) {
        return def;
      }
      throw new EngineException("outputs.parameters." + p.path("name").asText() + ": " + e.getMessage());
    }
    if (p.has("value")) {
      return Inputs.text(p.get("value"));
    }
    return def;
  }
}
