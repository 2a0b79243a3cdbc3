package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.depends.ContinueOn;
import io.quargo.core.depends.DependsExpression;
import io.quargo.core.depends.TaskPhase;
import io.quargo.core.depends.TaskState;
import io.quargo.core.tags.TagException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code dag} template (Argo's {@code executeDAG}): each task {@code <dag>.<task>} runs once its dependencies are
 * fulfilled and its {@code depends} holds (else it is Omitted); the DAG's phase comes from its target branches.
 */
final class DagOperator {
  private final Operator op;

  DagOperator(Operator op) {
    this.op = op;
  }

  Node execute(String nodeName, Node node, ResolvedTemplate r, CallOptions opts) {
    if (node == null) {
      node = op.create(nodeName, NodeType.DAG, opts, r);
    }
    DagContext ctx;
    try {
      ctx = new DagContext(op, node, r, opts);
    } catch (EngineException e) {
      return op.finish(node, NodePhase.Error, e.getMessage());
    }
    for (String task : ctx.shape.order) { // dependencies first: no recursion, however deep the chain
      executeTask(ctx, task);
    }
    NodePhase phase = ctx.assess();
    if (phase == NodePhase.Running) {
      return node;
    }
    node.outboundNodes.clear();
    for (String target : ctx.targets) {
      node.outboundNodes.addAll(Outbound.of(op.run, op.run.node(ctx.taskNodeName(target))));
    }
    if (phase == NodePhase.Succeeded) {
      try {
        node.outputs = Outputs.forScope(r.template(), op.vars(ctx.scopeFor(r.template().get("outputs"))), node);
      } catch (EngineException | TagException e) {
        return op.finish(node, NodePhase.Error, e.getMessage());
      }
    }
    return op.finish(node, phase, phase == NodePhase.Succeeded ? null : ctx.failureMessage());
  }

  private void executeTask(DagContext ctx, String taskName) {
    JsonNode task = ctx.task(taskName);
    String nodeName = ctx.taskNodeName(taskName);
    Node node = op.run.node(nodeName);
    if (node != null && node.fulfilled()) {
      if (Hooks.hooksOf(task) != null) {
        op.hooks.run(node, task, ctx.holder(), op.vars(ctx.scopeFor(task)), "tasks." + taskName, ctx.dagNode.id);
      }
      return;
    }
    DependsExpression depends = ctx.depends(taskName);
    Set<String> refs = depends == null ? Set.of() : depends.references();
    boolean ready = true;
    for (String dep : refs) {
      Node depNode = op.run.node(ctx.taskNodeName(dep));
      if (depNode == null || !depNode.fulfilled() || !ctx.hooksDone(dep)) {
        ready = false;
      }
    }
    if (!ready) {
      return;
    }
    if (node == null) {
      Map<String, TaskState> states = new LinkedHashMap<>();
      for (String dep : refs) {
        states.put(dep, ctx.state(dep));
      }
      if (depends != null && !depends.evaluate(states)) {
        Node omitted = op.create(nodeName, NodeType.Skipped, new CallOptions(ctx.dagNode.id, taskName, null, false),
            null);
        op.finish(omitted, NodePhase.Omitted, "omitted: depends condition not met");
        connect(ctx, omitted, refs);
        return;
      }
      if (ctx.failFastTriggered()) {
        return;
      }
    }
    Node result = run(ctx, taskName, task, nodeName, node);
    if (result != null) {
      if (node == null) {
        connect(ctx, result, refs);
      }
      if (Hooks.hooksOf(task) != null) {
        op.hooks.run(result, task, ctx.holder(), op.vars(ctx.scopeFor(task)), "tasks." + taskName,
            ctx.dagNode.id);
      }
    }
  }

  private Node run(DagContext ctx, String taskName, JsonNode task, String nodeName, Node node) {
    CallOptions opts = new CallOptions(ctx.dagNode.id, taskName, null, false);
    JsonNode resolved;
    try {
      resolved = CallResolution.resolve(task, op.vars(ctx.scopeFor(task)));
    } catch (TagException e) {
      return op.errorNode(nodeName, node, opts, e.getMessage());
    }
    if (!Loops.loops(resolved)) {
      if (node == null) {
        Node skipped = op.skipUnlessWhen(nodeName, resolved, opts);
        if (skipped != null) {
          return skipped;
        }
      }
      return op.executeTemplate(nodeName, resolved, ctx.holder(), resolved.get("arguments"), opts);
    }
    List<LoopItem> items;
    try {
      items = Loops.items(resolved);
    } catch (EngineException e) {
      return op.errorNode(nodeName, node, opts, e.getMessage());
    }
    if (node == null) {
      node = op.create(nodeName, NodeType.TaskGroup, opts, null);
      if (items.isEmpty()) {
        return op.finish(node, NodePhase.Skipped, "Skipped, empty params");
      }
    }
    boolean done = true;
    NodePhase worst = NodePhase.Succeeded;
    int parallelism = ctx.template.path("parallelism").asInt(0);
    for (LoopItem item : items) {
      ObjectNode call = (ObjectNode) Substitution.tree(resolved, op.vars(item.vars()), Substitution.LEAVE);
      call.remove(List.of("withItems", "withParam", "withSequence"));
      String childName = item.nodeName(nodeName);
      CallOptions childOpts = new CallOptions(ctx.dagNode.id, item.nodeName(taskName), null, false);
      Node child = op.run.node(childName);
      if (child == null && parallelism > 0 && ctx.activePods() >= parallelism) {
        done = false;
        continue;
      }
      if (child == null) {
        child = op.skipUnlessWhen(childName, call, childOpts);
      }
      if (child == null || !child.fulfilled()) {
        child = op.executeTemplate(childName, call, ctx.holder(), call.get("arguments"), childOpts);
      }
      if (child == null) {
        done = false;
        continue;
      }
      node.addChild(child.id);
      if (!child.fulfilled()) {
        done = false;
      } else if (child.phase.failedOrError() && worst == NodePhase.Succeeded) {
        worst = child.phase;
      }
    }
    if (!done) {
      return node;
    }
    return op.finish(node, worst, worst == NodePhase.Succeeded ? null : "child of " + taskName + " failed");
  }

  /** A task hangs off the outbound nodes of its dependencies, or off the DAG node when it has none. */
  private void connect(DagContext ctx, Node node, Set<String> refs) {
    if (refs.isEmpty()) {
      ctx.dagNode.addChild(node.id);
      return;
    }
    for (String dep : refs) {
      for (String out : Outbound.of(op.run, op.run.node(ctx.taskNodeName(dep)))) {
        Node parent = op.run.nodeById(out);
        if (parent != null) {
          parent.addChild(node.id);
        }
      }
    }
  }

  static ContinueOn continueOn(JsonNode task) {
    JsonNode on = task.path("continueOn");
    return new ContinueOn(on.path("failed").asBoolean(false), on.path("error").asBoolean(false));
  }

  static TaskPhase taskPhase(NodePhase phase) {
    return TaskPhase.fromArgo(phase.name());
  }

}
