package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.depends.DependsException;
import io.quargo.core.depends.DependsExpression;
import io.quargo.core.depends.TaskPhase;
import io.quargo.core.depends.TaskState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one DAG node's pass knows: its tasks, their {@code depends}, targets, scope and phase assessment. */
final class DagContext {
  final Operator op;
  final Node dagNode;
  final ObjectNode template;
  final List<String> targets;
  private final ResolvedTemplate resolved;
  private final Map<String, JsonNode> tasks = new LinkedHashMap<>();
  private final Map<String, DependsExpression> depends = new HashMap<>();
  private final Map<String, Object> extraVars;
  private Map<String, Object> scope;

  DagContext(Operator op, Node dagNode, ResolvedTemplate r, CallOptions opts) {
    this.op = op;
    this.dagNode = dagNode;
    this.resolved = r;
    this.template = r.template();
    this.extraVars = opts.extraVars();
    for (JsonNode t : template.path("dag").path("tasks")) {
      tasks.put(t.path("name").asText(), t);
    }
    for (Map.Entry<String, JsonNode> e : tasks.entrySet()) {
      depends.put(e.getKey(), parse(e.getKey(), e.getValue()));
    }
    this.targets = targets();
  }

  private DependsExpression parse(String name, JsonNode task) {
    try {
      if (task.hasNonNull("depends") && !task.get("depends").asText().isBlank()) {
        return DependsExpression.parse(task.get("depends").asText(), dep -> DagOperator.continueOn(task(dep)));
      }
      List<String> deps = new ArrayList<>();
      task.path("dependencies").forEach(d -> deps.add(d.asText()));
      return deps.isEmpty() ? null
          : DependsExpression.fromDependencies(deps, dep -> DagOperator.continueOn(task(dep)));
    } catch (DependsException | IllegalArgumentException e) {
      throw new EngineException("task " + name + ": invalid depends: " + e.getMessage());
    }
  }

  private List<String> targets() {
    String target = template.path("dag").path("target").asText("").trim();
    List<String> list = new ArrayList<>();
    if (!target.isEmpty()) {
      for (String t : target.split("\\s+")) {
        if (!tasks.containsKey(t)) {
          throw new EngineException("target '" + t + "' is not a task of the dag");
        }
        list.add(t);
      }
      return list;
    }
    Set<String> dependedOn = new HashSet<>();
    depends.values().forEach(d -> {
      if (d != null) {
        dependedOn.addAll(d.references());
      }
    });
    for (String name : tasks.keySet()) {
      if (!dependedOn.contains(name)) {
        list.add(name);
      }
    }
    list.sort(null);
    return list;
  }

  JsonNode task(String name) {
    JsonNode t = tasks.get(name);
    if (t == null) {
      throw new EngineException("task '" + name + "' is not a task of the dag");
    }
    return t;
  }

  DependsExpression depends(String task) {
    return depends.get(task);
  }

  TemplateHolder holder() {
    return resolved.holder();
  }

  String taskNodeName(String task) {
    return dagNode.name + "." + task;
  }

  TaskState state(String task) {
    Node node = op.run.node(taskNodeName(task));
    TaskPhase phase = DagOperator.taskPhase(node.phase);
    if (node.type == NodeType.TaskGroup) {
      List<TaskPhase> children = new ArrayList<>();
      for (String id : node.children) {
        Node c = op.run.nodeById(id);
        if (c != null) {
          children.add(DagOperator.taskPhase(c.phase));
        }
      }
      return TaskState.fannedOut(phase, children);
    }
    return TaskState.of(phase);
  }

  boolean hooksDone(String task) {
    JsonNode hooks = Hooks.hooksOf(task(task));
    if (hooks == null) {
      return true;
    }
    Node node = op.run.node(taskNodeName(task));
    for (String id : node.children) {
      Node c = op.run.nodeById(id);
      if (c != null && (c.name.startsWith(node.name + ".onExit") || c.name.startsWith(node.name + ".hooks."))
          && !c.fulfilled()) {
        return false;
      }
    }
    return !hooks.has("exit") || op.run.node(node.name + ".onExit") != null;
  }

  /** {@code tasks.<name>.*} of every task with a node, plus the template's inputs. */
  Map<String, Object> scope() {
    if (scope != null) {
      return scope;
    }
    scope = new LinkedHashMap<>(Inputs.vars(template));
    if (extraVars != null) {
      scope.putAll(extraVars);
    }
    for (Map.Entry<String, JsonNode> e : tasks.entrySet()) {
      Node node = op.run.node(taskNodeName(e.getKey()));
      if (node == null) {
        continue;
      }
      String prefix = "tasks." + e.getKey();
      if (node.type == NodeType.TaskGroup) {
        List<Node> children = new ArrayList<>();
        node.children.forEach(id -> children.add(op.run.nodeById(id)));
        Scope.aggregate(scope, prefix, children);
        scope.put(prefix + ".status", node.phase.name());
      } else {
        Scope.add(scope, prefix, node, op.declaredOutputs(e.getValue(), resolved.holder()));
      }
    }
    return scope;
  }

  int activePods() {
    int n = 0;
    for (Node node : op.run.nodes()) {
      if (dagNode.id.equals(node.boundaryId) && node.type == NodeType.Pod && !node.fulfilled()) {
        n++;
      }
    }
    return n;
  }

  /** failFast (default true): once a task failed without continueOn, no new task starts. */
  boolean failFastTriggered() {
    if (!template.path("dag").path("failFast").asBoolean(true)) {
      return false;
    }
    return firstFailure() != null;
  }

  private Node firstFailure() {
    for (Map.Entry<String, JsonNode> e : tasks.entrySet()) {
      Node node = op.run.node(taskNodeName(e.getKey()));
      if (node != null && node.phase.failedOrError() && !StepsOperator.continues(e.getValue(), node.phase)) {
        return node;
      }
    }
    return null;
  }

  String failureMessage() {
    Node failed = firstFailure();
    return failed == null ? null : failed.message;
  }

  /** Argo's {@code assessDAGPhase}: BFS from the DAG's children carrying each branch's last completed phase. */
  NodePhase assess() {
    Map<String, NodePhase> targetPhases = new HashMap<>();
    Map<String, String> targetIds = new HashMap<>();
    for (String t : targets) {
      targetIds.put(NodeNames.nodeId(op.run.name, taskNodeName(t)), t);
    }
    Deque<Object[]> queue = new ArrayDeque<>();
    dagNode.children.forEach(c -> queue.add(new Object[] {c, null}));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Object[] cur = queue.poll();
      Node node = op.run.nodeById((String) cur[0]);
      NodePhase branch = (NodePhase) cur[1];
      if (node == null) {
        continue;
      }
      if (!node.fulfilled()) {
        return NodePhase.Running;
      }
      if (node.phase.completed()) {
        branch = node.phase;
      }
      if (targetIds.containsKey(node.id)) {
        targetPhases.put(node.id, branch == null ? node.phase : branch);
      }
      if (!seen.add(node.id + "|" + branch)) {
        continue;
      }
      for (String child : node.children) {
        queue.add(new Object[] {child, branch});
      }
    }
    boolean failFast = template.path("dag").path("failFast").asBoolean(true);
    NodePhase result = NodePhase.Succeeded;
    for (String t : targets) {
      NodePhase phase = targetPhases.get(NodeNames.nodeId(op.run.name, taskNodeName(t)));
      if (phase == null) {
        result = NodePhase.Running;
        if (!failFast) {
          break;
        }
      } else if (phase.failedOrError()) {
        if (StepsOperator.continues(task(t), phase)) {
          continue;
        }
        result = phase;
        if (failFast) {
          break;
        }
      }
    }
    if (result == NodePhase.Running && failFast && firstFailure() != null && activePods() == 0) {
      return firstFailure().phase;
    }
    return result;
  }
}
