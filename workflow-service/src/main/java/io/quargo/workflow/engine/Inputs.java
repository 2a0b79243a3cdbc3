package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argo's {@code ProcessArgs}: a call's arguments bound to the template's inputs (argument over {@code value}
 * over {@code default}, {@code enum} checked), then inputs and globals substituted into the template.
 */
final class Inputs {
  private Inputs() {}

  /** The template with {@code inputs} filled in; {@link EngineException} when a parameter has no value. */
  static ObjectNode bind(ObjectNode template, JsonNode arguments) {
    ObjectNode bound = template.deepCopy();
    JsonNode params = bound.path("inputs").path("parameters");
    for (JsonNode p : params) {
      ObjectNode param = (ObjectNode) p;
      String name = param.path("name").asText();
      JsonNode arg = find(arguments.path("parameters"), name);
      if (arg != null && arg.has("value")) {
        param.put("value", text(arg.get("value")));
      } else if (arg != null && arg.has("valueFrom") && arg.get("valueFrom").has("default")) {
        param.put("value", text(arg.get("valueFrom").get("default")));
      } else if (param.has("value")) {
        param.put("value", text(param.get("value")));
      } else if (param.has("default")) {
        param.put("value", text(param.get("default")));
      } else if (!param.path("valueFrom").has("supplied")) {
        throw new EngineException("inputs.parameters." + name + " was not supplied");
      }
      checkEnum(param, name);
    }
    for (JsonNode a : bound.path("inputs").path("artifacts")) {
      ObjectNode artifact = (ObjectNode) a;
      JsonNode arg = find(arguments.path("artifacts"), artifact.path("name").asText());
      if (arg != null) {
        arg.fields().forEachRemaining(e -> {
          if (!e.getKey().equals("name") && !e.getKey().equals("path")) {
            artifact.set(e.getKey(), e.getValue());
          }
        });
      }
    }
    return bound;
  }

  private static void checkEnum(ObjectNode param, String name) {
    JsonNode values = param.get("enum");
    if (values == null || !values.isArray() || values.isEmpty() || !param.has("value")) {
      return;
    }
    String value = param.get("value").asText();
    for (JsonNode v : values) {
      if (text(v).equals(value)) {
        return;
      }
    }
    throw new EngineException("value '" + value + "' is not in the enum of inputs.parameters." + name + " "
        + values);
  }

  /** {@code inputs.parameters.<n>}, {@code inputs.parameters} (JSON) and artifact paths. */
  static Map<String, Object> vars(ObjectNode template) {
    Map<String, Object> vars = new LinkedHashMap<>();
    JsonNode inputs = template.path("inputs");
    ArrayNode all = Json.MAPPER.createArrayNode();
    for (JsonNode p : inputs.path("parameters")) {
      if (p.has("value")) {
        vars.put("inputs.parameters." + p.path("name").asText(), p.get("value").asText());
      }
      all.add(p);
    }
    if (!all.isEmpty()) {
      vars.put("inputs.parameters", Json.string(all));
    }
    for (JsonNode a : inputs.path("artifacts")) {
      if (a.has("path")) {
        vars.put("inputs.artifacts." + a.path("name").asText() + ".path", a.get("path").asText());
      }
    }
    for (JsonNode a : template.path("outputs").path("artifacts")) {
      if (a.has("path")) {
        vars.put("outputs.artifacts." + a.path("name").asText() + ".path", a.get("path").asText());
      }
    }
    for (JsonNode p : template.path("outputs").path("parameters")) {
      if (p.path("valueFrom").has("path")) {
        vars.put("outputs.parameters." + p.path("name").asText() + ".path", p.get("valueFrom").get("path").asText());
      }
    }
    return vars;
  }

  static JsonNode find(JsonNode list, String name) {
    for (JsonNode e : list) {
      if (name.equals(e.path("name").asText(null))) {
        return e;
      }
    }
    return null;
  }

  /** Argo's AnyString: numbers and booleans as written, objects and arrays as JSON. */
  static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : Json.string(v);
  }
}
