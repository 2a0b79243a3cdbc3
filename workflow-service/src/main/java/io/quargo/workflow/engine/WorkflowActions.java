package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code argo stop|terminate|suspend|resume|retry|set}: changes to a run that the next reconcile acts on.
 * Each checks that the workflow is in a state the action applies to, and says so when it is not.
 */
public final class WorkflowActions {
  private WorkflowActions() {}

  /** Stop: no new nodes, running ones killed, exit handlers still run. */
  public static void stop(WorkflowRun run, String message) {
    running(run, "stop");
    run.spec.put("shutdown", "Stop");
  }

  /**
   * {@code argo stop --node-field-selector}: as Argo, only the matching Running suspend nodes end Failed (with
   * {@code message} when given); the workflow itself is not shut down. Without a selector, a plain stop.
   * Returns how many nodes were stopped.
   */
  public static int stop(WorkflowRun run, String nodeFieldSelector, String message, Instant now) {
    if (nodeFieldSelector == null || nodeFieldSelector.isBlank()) {
      stop(run, message);
      return 0;
    }
    running(run, "stop");
    NodeSelector selector = NodeSelector.parse(nodeFieldSelector);
    int stopped = 0;
    for (Node n : run.nodes()) {
      if (n.type == NodeType.Suspend && n.phase == NodePhase.Running && selector.matches(n)) {
        set(run, n, NodePhase.Failed, message == null || message.isEmpty() ? null : message, null, now);
        run.failures++;
        stopped++;
      }
    }
    if (stopped == 0) {
      throw new EngineException("currently, set only targets suspend nodes: no suspend nodes matching"
          + " nodeFieldSelector: " + nodeFieldSelector);
    }
    return stopped;
  }

  /** Terminate: as stop, without exit handlers. */
  public static void terminate(WorkflowRun run) {
    running(run, "terminate");
    run.spec.put("shutdown", "Terminate");
  }

  public static void suspend(WorkflowRun run) {
    running(run, "suspend");
    run.spec.put("suspend", true);
  }

  /**
   * Resume: lifts {@code spec.suspend} and ends the selected Running suspend nodes (all by default) with phase
   * Succeeded, their {@code supplied} outputs taken from {@code outputs} (name to value) or their defaults.
   */
  public static void resume(WorkflowRun run, String nodeFieldSelector, Map<String, String> outputs, Instant now) {
    running(run, "resume");
    run.spec.remove("suspend");
    NodeSelector selector = NodeSelector.parse(nodeFieldSelector);
    for (Node n : new ArrayList<>(run.nodes())) {
      if (n.type == NodeType.Suspend && n.phase == NodePhase.Running && selector.matches(n)) {
        set(run, n, null, null, outputs, now);
        n.resumed = true; // the engine ends it, filling in the template's defaults
      }
    }
  }

  /** {@code argo node set}: phase, message and supplied output parameters of the selected nodes. */
  public static int set(WorkflowRun run, String nodeFieldSelector, String phase, String message,
      Map<String, String> outputs, Instant now) {
    NodeSelector selector = NodeSelector.parse(nodeFieldSelector);
    if (selector.isEmpty()) {
      throw new EngineException("set needs a node field selector, e.g. displayName=approve");
    }
    int changed = 0;
    for (Node n : new ArrayList<>(run.nodes())) {
      if (selector.matches(n)) {
        set(run, n, phase == null ? null : NodePhase.valueOf(phase), message, outputs, now);
        changed++;
      }
    }
    return changed;
  }

  private static void set(WorkflowRun run, Node n, NodePhase phase, String message, Map<String, String> outputs,
      Instant now) {
    run.version++;
    if (outputs != null && !outputs.isEmpty()) {
      ObjectNode out = n.outputs == null ? Json.MAPPER.createObjectNode() : n.outputs;
      ArrayNode params = out.has("parameters") ? (ArrayNode) out.get("parameters") : out.putArray("parameters");
      outputs.forEach((k, v) -> {
        for (JsonNode p : params) {
          if (p.path("name").asText().equals(k)) {
            ((ObjectNode) p).put("value", v);
            return;
          }
        }
        params.addObject().put("name", k).put("value", v);
      });
      n.outputs = out;
    }
    if (message != null) {
      n.message = message;
    }
    if (phase != null) {
      n.phase = phase;
      if (phase.fulfilled()) {
        n.finishedAt = now;
      }
    }
  }

  /**
   * Retry (Argo's {@code FormulateRetryWorkflow}): failed pods (and with {@code restartSuccessful}, selected
   * succeeded ones) are removed so they run again; their failed ancestors go back to Running; exit handler and
   * omitted nodes are removed to be decided again. Succeeded work is kept.
   */
  public static void retry(WorkflowRun run, boolean restartSuccessful, String nodeFieldSelector,
      Map<String, String> parameters) {
    if (!run.completed() || run.phase.equals("Succeeded") && !restartSuccessful) {
      throw new EngineException("workflow " + run.name + " is " + (run.phase.isEmpty() ? "not started" : run.phase)
          + ": only a Failed or Error workflow can be retried (or a Succeeded one with --restart-successful)");
    }
    NodeSelector selector = NodeSelector.parse(nodeFieldSelector);
    Set<Node> remove = new HashSet<>();
    for (Node n : run.nodes()) {
      boolean leaf = n.type == NodeType.Pod || n.type == NodeType.Suspend || n.type == NodeType.Container;
      boolean failed = n.phase.failedOrError();
      boolean restart = restartSuccessful && !selector.isEmpty() && selector.matches(n);
      if (n.name.endsWith(".onExit") || n.name.contains(".onExit.") || n.phase == NodePhase.Omitted
          || leaf && (failed || restart) || n.type == NodeType.Skipped && failed) {
        remove.add(n);
      }
      if (n.type == NodeType.Retry && failed) {
        for (int i = 0; run.node(n.name + "(" + i + ")") != null; i++) {
          remove.add(run.node(n.name + "(" + i + ")"));
        }
      }
    }
    removeWithDescendants(run, remove);
    for (Node n : run.nodes()) {
      if (!n.phase.successful()) {
        n.phase = NodePhase.Running;
        n.message = null;
        n.finishedAt = null;
      }
    }
    run.spec.remove("shutdown");
    parameters.forEach((k, v) -> setArgument(run.spec, k, v));
    run.phase = "Running";
    run.message = null;
    run.finishedAt = null;
    run.version++;
  }


  private static void removeWithDescendants(WorkflowRun run, Set<Node> remove) {
    List<Node> queue = new ArrayList<>(remove);
    Set<String> ids = new HashSet<>();
    while (!queue.isEmpty()) {
      Node n = queue.remove(queue.size() - 1);
      if (n == null || !ids.add(n.id)) {
        continue;
      }
      for (String c : n.children) {
        Node child = run.nodeById(c);
        // a pod's children are the steps or tasks after it: only the exit hooks it owns go with it
        if (child != null && (n.type != NodeType.Pod || child.name.startsWith(n.name + "."))) {
          queue.add(child);
        }
      }
    }
    for (String id : ids) {
      Node n = run.nodeById(id);
      if (n != null) {
        run.remove(n);
      }
    }
  }

  private static void setArgument(ObjectNode spec, String name, String value) {
    ObjectNode args = spec.has("arguments") ? (ObjectNode) spec.get("arguments") : spec.putObject("arguments");
    ArrayNode params = args.has("parameters") ? (ArrayNode) args.get("parameters") : args.putArray("parameters");
    for (JsonNode p : params) {
      if (p.path("name").asText().equals(name)) {
        ((ObjectNode) p).put("value", value);
        return;
      }
    }
    params.addObject().put("name", name).put("value", value);
  }

  private static void running(WorkflowRun run, String action) {
    if (run.completed()) {
      throw new EngineException("cannot " + action + " workflow " + run.name + ": it has already "
          + run.phase);
    }
  }
}
