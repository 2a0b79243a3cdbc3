package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes a step or task with the scope of the steps before it. Its hooks are left alone (they resolve
 * against the step's own outputs once it ran), and an argument that is solely a reference to an absent output
 * (a skipped producer without default) is dropped, so the consumer's input default applies (Argo ≥ 3.7.16).
 */
final class CallResolution {
  private static final Pattern SOLE_REFERENCE = Pattern.compile("^\\{\\{\\s*([^={}][^{}]*?)\\s*}}$");

  private CallResolution() {}

  static JsonNode resolve(JsonNode call, Map<String, Object> vars) {
    ObjectNode copy = ((ObjectNode) call).deepCopy();
    JsonNode hooks = copy.remove("hooks");
    JsonNode onExit = copy.remove("onExit");
    dropAbsentArguments(copy, vars);
    ObjectNode resolved = (ObjectNode) Substitution.tree(copy, vars, Substitution.STRICT_REFS);
    if (hooks != null) {
      resolved.set("hooks", hooks);
    }
    if (onExit != null) {
      resolved.set("onExit", onExit);
    }
    return resolved;
  }

  private static void dropAbsentArguments(ObjectNode call, Map<String, Object> vars) {
    for (JsonNode p : call.path("arguments").path("parameters")) {
      if (!p.path("value").isTextual()) {
        continue;
      }
      Matcher m = SOLE_REFERENCE.matcher(p.get("value").asText());
      if (m.matches() && vars.containsKey(m.group(1)) && vars.get(m.group(1)) == null) {
        ((ObjectNode) p).remove("value");
      }
    }
  }
}
