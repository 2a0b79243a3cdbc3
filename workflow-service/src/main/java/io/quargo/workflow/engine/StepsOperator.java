package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.tags.TagException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code steps} template (Argo's {@code executeSteps}): groups {@code <node>[i]} run in order, the steps of a group
 * in parallel; a group fails when a child fails without {@code continueOn}, and the steps node with it.
 */
final class StepsOperator {
  private final Operator op;

  StepsOperator(Operator op) {
    this.op = op;
  }

  Node execute(String nodeName, Node node, ResolvedTemplate r, CallOptions opts) {
    if (node == null) {
      node = op.create(nodeName, NodeType.Steps, opts, r);
    }
    Map<String, Object> scope = new LinkedHashMap<>(Inputs.vars(r.template()));
    if (opts.extraVars() != null) {
      scope.putAll(opts.extraVars());
    }
    JsonNode groups = r.template().path("steps");
    Node previous = null;
    for (int i = 0; i < groups.size(); i++) {
      String groupName = nodeName + "[" + i + "]";
      Node group = op.run.node(groupName);
      if (group == null) {
        group = op.create(groupName, NodeType.StepGroup, new CallOptions(node.id, "[" + i + "]", null, false), r);
        group.inputs = null;
        link(node, previous, group);
      }
      group = executeGroup(group, groups.get(i), r, node, scope);
      if (!group.fulfilled()) {
        return node;
      }
      if (!group.phase.successful()) {
        node.outboundNodes.clear();
        node.outboundNodes.addAll(outbound(group));
        return op.finish(node, NodePhase.Failed, group.message);
      }
      previous = group;
    }
    try {
      node.outputs = Outputs.forScope(r.template(), op.vars(scope), node);
    } catch (EngineException | TagException e) {
      return op.finish(node, NodePhase.Error, e.getMessage());
    }
    node.outboundNodes.clear();
    if (previous != null) {
      node.outboundNodes.addAll(outbound(previous));
    }
    return op.finish(node, NodePhase.Succeeded, null);
  }

  /** The first group hangs off the steps node; each later one off the outbound nodes of the group before. */
  private void link(Node steps, Node previous, Node group) {
    if (previous == null) {
      steps.addChild(group.id);
      return;
    }
    if (previous.children.isEmpty()) {
      previous.addChild(group.id);
      return;
    }
    for (String out : outbound(previous)) {
      Node n = op.run.nodeById(out);
      if (n != null) {
          n.addChild(group.id);
        }
    }
  }

  private List<String> outbound(Node group) {
    List<String> out = new ArrayList<>();
    for (String child : group.children) {
      out.addAll(Outbound.of(op.run, op.run.nodeById(child)));
    }
    return out;
  }

  private Node executeGroup(Node group, JsonNode steps, ResolvedTemplate r, Node stepsNode,
      Map<String, Object> scope) {
    if (group.fulfilled()) {
      addOutputs(group, steps, r, scope);
      return group;
    }
    boolean allDone = true;
    String failure = null;
    int parallelism = r.template().path("parallelism").asInt(0);
    for (JsonNode step : steps) {
      String stepName = step.path("name").asText();
      JsonNode resolved;
      List<JsonNode> calls = new ArrayList<>();
      List<String> names = new ArrayList<>();
      try {
        resolved = CallResolution.resolve(step, op.vars(scope));
        expand(group.name + "." + stepName, stepName, resolved, calls, names);
      } catch (EngineException | TagException e) {
        return op.finish(group, NodePhase.Error, e.getMessage());
      }
      if (calls.isEmpty()) {
        Node skipped = op.run.node(group.name + "." + stepName);
        if (skipped == null) {
          skipped = op.create(group.name + "." + stepName, NodeType.Skipped,
              new CallOptions(stepsNode.id, stepName, null, false), null);
          op.finish(skipped, NodePhase.Skipped, "Skipped, empty params");
          group.addChild(skipped.id);
        }
        continue;
      }
      for (int k = 0; k < calls.size(); k++) {
        String childName = group.name + "." + names.get(k);
        JsonNode call = calls.get(k);
        Node child = op.run.node(childName);
        if (child == null && parallelism > 0 && active(group) >= parallelism) {
          allDone = false;
          continue;
        }
        CallOptions childOpts = new CallOptions(stepsNode.id, names.get(k), null, false);
        if (child == null) {
          child = op.skipUnlessWhen(childName, call, childOpts);
        }
        if (child == null || !child.fulfilled()) {
          child = op.executeTemplate(childName, call, r.holder(), call.get("arguments"), childOpts);
        }
        if (child == null) {
          allDone = false;
          continue;
        }
        group.addChild(child.id);
        boolean hooksDone = op.hooks.run(child, call, r.holder(), op.vars(scope), "steps." + stepName,
            stepsNode.id);
        if (!child.fulfilled() || !hooksDone) {
          allDone = false;
        } else if (child.phase.failedOrError() && !continues(call, child.phase) && failure == null) {
          failure = "child '" + child.id + "' failed";
        }
      }
    }
    if (!allDone) {
      return group;
    }
    if (failure != null) {
      return op.finish(group, NodePhase.Failed, failure);
    }
    addOutputs(group, steps, r, scope);
    return op.finish(group, NodePhase.Succeeded, null);
  }

  private void expand(String baseName, String stepName, JsonNode step, List<JsonNode> calls, List<String> names) {
    if (!Loops.loops(step)) {
      calls.add(step);
      names.add(stepName);
      return;
    }
    for (LoopItem item : Loops.items(step)) {
      ObjectNode call = (ObjectNode) Substitution.tree(step, op.vars(item.vars()), Substitution.LEAVE);
      call.remove(List.of("withItems", "withParam", "withSequence"));
      calls.add(call);
      names.add(item.nodeName(stepName));
    }
  }

  private int active(Node group) {
    int n = 0;
    for (String id : group.children) {
      Node c = op.run.nodeById(id);
      if (c != null && !c.fulfilled()) {
        n++;
      }
    }
    return n;
  }

  static boolean continues(JsonNode call, NodePhase phase) {
    JsonNode on = call.path("continueOn");
    return (phase == NodePhase.Failed && on.path("failed").asBoolean(false))
        || (phase == NodePhase.Error && on.path("error").asBoolean(false));
  }

  /** After a group: each of its steps' outputs, aggregated for expanded steps, join the scope. */
  private void addOutputs(Node group, JsonNode steps, ResolvedTemplate r, Map<String, Object> scope) {
    for (JsonNode step : steps) {
      String stepName = step.path("name").asText();
      String prefix = "steps." + stepName;
      Node single = op.run.node(group.name + "." + stepName);
      if (single != null && !Loops.loops(step)) {
        Scope.add(scope, prefix, single, op.declaredOutputs(step, r.holder()));
        continue;
      }
      List<Node> expanded = new ArrayList<>();
      for (String id : group.children) {
        Node c = op.run.nodeById(id);
        if (c != null && c.name.startsWith(group.name + "." + stepName + "(")) {
          expanded.add(c);
        }
      }
      Scope.aggregate(scope, prefix, expanded);
    }
  }
}
