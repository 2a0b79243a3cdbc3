package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.tags.ExpressionEnv;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lifecycle hooks of a step or task ({@code hooks}, and the older {@code onExit}): the {@code exit} hook runs once
 * the node is fulfilled ({@code <node>.onExit}); other hooks run once their expression is first true
 * ({@code <node>.hooks.<name>}). A started hook must be fulfilled before the node counts as done.
 */
final class Hooks {
  private final Operator op;

  Hooks(Operator op) {
    this.op = op;
  }

  /** Runs what is due; true when every hook that started (or must start) is fulfilled. */
  boolean run(Node node, JsonNode call, TemplateHolder holder, Map<String, Object> vars, String prefix,
      String boundaryId) {
    ObjectNode hooks = hooksOf(call);
    if (hooks == null) {
      return true;
    }
    boolean done = true;
    Map<String, Object> scope = new LinkedHashMap<>(vars);
    Scope.add(scope, prefix, node, null);
    Iterator<Map.Entry<String, JsonNode>> it = hooks.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> hook = it.next();
      boolean exit = hook.getKey().equals("exit");
      String name = exit ? node.name + ".onExit" : node.name + ".hooks." + hook.getKey();
      Node existing = op.run.node(name);
      if (existing == null) {
        boolean due = exit ? node.fulfilled() : expressionTrue(hook.getValue(), scope);
        if (!due) {
          done &= !exit;
          continue;
        }
      }
      JsonNode resolved = Substitution.tree(hook.getValue(), op.vars(scope), Substitution.LEAVE);
      String display = node.displayName + (exit ? ".onExit" : ".hooks." + hook.getKey());
      Node hookNode = op.executeTemplate(name, resolved, holder, resolved.get("arguments"),
          new CallOptions(boundaryId, display, Map.of(), true));
      if (hookNode != null) {
        node.addChild(hookNode.id);
      }
      done &= hookNode != null && hookNode.fulfilled();
    }
    return done;
  }

  private boolean expressionTrue(JsonNode hook, Map<String, Object> scope) {
    String expression = hook.path("expression").asText("");
    if (expression.isEmpty()) {
      return false;
    }
    try {
      Object v = Substitution.EXPRESSIONS.evaluate(
          Substitution.text(expression, op.vars(scope), Substitution.LEAVE),
          ExpressionEnv.expand(op.vars(scope)));
      return Boolean.TRUE.equals(v);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static ObjectNode hooksOf(JsonNode call) {
    ObjectNode hooks = call.get("hooks") instanceof ObjectNode h ? h.deepCopy() : null;
    if (call.hasNonNull("onExit")) {
      if (hooks == null) {
        hooks = Json.MAPPER.createObjectNode();
      }
      hooks.putObject("exit").put("template", call.get("onExit").asText());
    }
    return hooks == null || hooks.isEmpty() ? null : hooks;
  }
}
