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
  final DagShape shape;
  private final Map<String, JsonNode> tasks;
  private final Map<String, Object> extraVars;
  private boolean failFastSeen;
  private int failFastCheckedAt = -1;

  DagContext(Operator op, Node dagNode, ResolvedTemplate r, CallOptions opts) {
    this.op = op;
    this.dagNode = dagNode;
    this.resolved = r;
    this.template = r.template();
    this.extraVars = opts.extraVars();
    Object cached = op.run.shapes.get(dagNode.id);
    if (cached instanceof DagShape known) {
      this.shape = known;
    } else {
      this.shape = new DagShape(template.path("dag"));
      op.run.shapes.put(dagNode.id, shape);
    }
    this.tasks = shape.tasks;
    this.targets = shape.targets;
  }

  JsonNode task(String name) {
    return shape.task(name);
  }

  DependsExpression depends(String task) {
    return shape.depends.get(task);
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

  private static final java.util.regex.Pattern TASK_REF =
      java.util.regex.Pattern.compile("tasks(?:\\.([A-Za-z0-9_-]+)|\\[\\s*['\"]([^'\"]+)['\"]\\s*])");

  /**
   * {@code tasks.<name>.*} of the tasks a piece of the template refers to, plus the template's inputs: a task
   * can only see what it names, and looking up only those keeps a 10,000-task DAG linear.
   */
  Map<String, Object> scopeFor(JsonNode part) {
    Map<String, Object> scope = new LinkedHashMap<>(Inputs.vars(template));
    if (extraVars != null) {
      scope.putAll(extraVars);
    }
    if (part == null) {
      return scope;
    }
    java.util.regex.Matcher m = TASK_REF.matcher(part.toString());
    Set<String> names = new java.util.LinkedHashSet<>();
    while (m.find()) {
      names.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    for (String name : names) {
      JsonNode task = tasks.get(name);
      Node node = task == null ? null : op.run.node(taskNodeName(name));
      if (node == null) {
        continue;
      }
      String prefix = "tasks." + name;
      if (node.type == NodeType.TaskGroup) {
        List<Node> children = new ArrayList<>();
        node.children.forEach(id -> children.add(op.run.nodeById(id)));
        Scope.aggregate(scope, prefix, children);
        scope.put(prefix + ".status", node.phase.name());
      } else {
        Scope.add(scope, prefix, node, op.declaredOutputs(task, resolved.holder()));
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
    if (!template.path("dag").path("failFast").asBoolean(true) || op.run.failures == 0) {
      return false;
    }
    // once a target branch failed it stays failed; otherwise look again only after a change
    if (!failFastSeen && failFastCheckedAt != op.run.version) {
      failFastCheckedAt = op.run.version;
      failFastSeen = failedTarget(branchPhases(false)) != null;
    }
    return failFastSeen;
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

  /**
   * Argo's {@code assessDAGPhase} BFS from the DAG's children, carrying each branch's last completed phase (an
   * omitted task inherits its parents'). Null when {@code stopAtRunning} and a reachable node is not fulfilled.
   */
  private Map<String, NodePhase> branchPhases(boolean stopAtRunning) {
    Set<String> targetIds = new HashSet<>();
    for (String t : targets) {
      targetIds.add(NodeNames.nodeId(op.run.name, taskNodeName(t)));
    }
    Map<String, NodePhase> phases = new HashMap<>();
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
        if (stopAtRunning) {
          return null;
        }
        continue;
      }
      if (node.phase.completed()) {
        branch = node.phase;
      }
      if (targetIds.contains(node.id)) {
        NodePhase known = phases.get(node.id);
        if (known == null || !known.failedOrError()) { // a failed parent branch wins over a succeeded one
          phases.put(node.id, branch == null ? node.phase : branch);
        }
      }
      if (!seen.add(node.id + "|" + branch)) {
        continue;
      }
      for (String child : node.children) {
        queue.add(new Object[] {child, branch});
      }
    }
    return phases;
  }

  /** The failed phase of the first target whose branch failed without continueOn, or null. */
  private NodePhase failedTarget(Map<String, NodePhase> phases) {
    for (String t : targets) {
      NodePhase phase = phases.get(NodeNames.nodeId(op.run.name, taskNodeName(t)));
      if (phase != null && phase.failedOrError() && !StepsOperator.continues(task(t), phase)) {
        return phase;
      }
    }
    return null;
  }

  /** Running, or the DAG's final phase: Succeeded once every target branch ended without failure. */
  NodePhase assess() {
    Map<String, NodePhase> phases = branchPhases(true);
    if (phases == null) {
      return NodePhase.Running;
    }
    boolean failFast = template.path("dag").path("failFast").asBoolean(true);
    NodePhase failed = failedTarget(phases);
    if (failed != null && failFast) {
      return failed;
    }
    for (String t : targets) {
      if (!phases.containsKey(NodeNames.nodeId(op.run.name, taskNodeName(t)))) {
        return NodePhase.Running;
      }
    }
    return failed == null ? NodePhase.Succeeded : failed;
  }

  String failureMessage() {
    Map<String, NodePhase> phases = branchPhases(false);
    for (String t : targets) {
      NodePhase phase = phases.get(NodeNames.nodeId(op.run.name, taskNodeName(t)));
      if (phase != null && phase.failedOrError()) {
        Node failed = firstFailure();
        return failed == null ? null : failed.message;
      }
    }
    return null;
  }
}
