package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow engine (DESIGN §5): a pure state machine over a {@link WorkflowRun}. {@link #reconcile} decides what
 * to start, kill or wait for; {@link #started} and {@link #finished} fold the executor's reports into the nodes.
 * No I/O and no clock of its own: the caller passes the time, so tests run a day of backoff in a millisecond.
 */
public final class WorkflowEngine {
  private static final int MAX_PASSES = 1_000;

  private final TemplateResolver templates;
  private final EngineSettings settings;
  private final SyncLocks locks;
  private MemoCache memo = new InMemoryMemoCache();

  public WorkflowEngine(TemplateResolver templates, EngineSettings settings, SyncLocks locks) {
    this.templates = templates;
    this.settings = settings;
    this.locks = locks;
  }

  /** The cache {@code memoize} uses; by default one in memory, private to this engine. */
  public WorkflowEngine withMemoCache(MemoCache cache) {
    this.memo = cache;
    return this;
  }

  /** Runs passes until one changes nothing (a pass may make the next one's work due). */
  public Plan reconcile(WorkflowRun run, Instant now) {
    List<ExecutionTask> start = new ArrayList<>();
    Map<String, String> kill = new LinkedHashMap<>();
    Instant wakeAt = null;
    String before = null;
    for (int pass = 0; pass < MAX_PASSES && !run.completed(); pass++) {
      Operator op = pass(run, now);
      if (op == null) {
        break;
      }
      start.addAll(op.start);
      kill.putAll(op.kill);
      wakeAt = op.wakeAt;
      String after = fingerprint(run);
      if (after.equals(before) && op.start.isEmpty() && !op.syncReleased) {
        break;
      }
      before = after;
    }
    kill.keySet().removeIf(id -> !run.dispatched.contains(id));
    SyncEngine sync = new SyncEngine(locks, run);
    if (run.completed()) {
      locks.releaseWorkflow(sync.workflowKey());
    }
    sync.updateStatus();
    return new Plan(start, kill, wakeAt, run.completed());
  }

  private Operator pass(WorkflowRun run, Instant now) {
    SyncEngine sync = new SyncEngine(locks, run);
    sync.releaseFulfilled();
    if (!sync.acquireWorkflow(now)) {
      return null; // waiting for a lock is not running: activeDeadlineSeconds counts from the start, as in Argo
    }
    if (run.startedAt == null) {
      run.startedAt = now;
    }
    run.phase = "Running";
    run.message = null;
    Map<String, Object> globals = Globals.of(run, now);
    String shutdown = shutdownMessage(run, now);
    boolean exitHandlers = !"Terminate".equals(run.shutdown());
    TemplateLookup lookup = new TemplateLookup(templates, run.spec.get("templateDefaults") instanceof ObjectNode d
        ? d : null);
    Operator op = new Operator(run, now, lookup, settings, globals, shutdown, exitHandlers);
    op.memo = memo;
    ObjectNode entry = Json.MAPPER.createObjectNode().put("template", run.spec.path("entrypoint").asText(""));
    op.sync = sync;
    Node root = op.executeTemplate(run.name, entry, TemplateHolder.local(run.spec), run.spec.get("arguments"),
        new CallOptions(null, run.name, null, false));
    if (root != null && root.fulfilled()) {
      complete(run, op, root);
    }
    op.syncReleased = sync.releaseFulfilled();
    deadlineWake(run, op);
    return op;
  }

  /** Workflow-level {@code onExit} (or {@code hooks.exit}), then the workflow's phase from the root's. */
  private void complete(WorkflowRun run, Operator op, Node root) {
    String status = switch (root.phase) {
      case Failed -> "Failed";
      case Error -> "Error";
      default -> "Succeeded";
    };
    String onExit = run.spec.path("onExit").asText(run.spec.path("hooks").path("exit").path("template").asText(""));
    Node exitNode = null;
    if (!onExit.isEmpty() && op.runExitHandlers) {
      op.globals.put("workflow.status", status);
      op.globals.put("workflow.failures", failures(run));
      JsonNode call = run.spec.path("hooks").has("exit") && run.spec.path("onExit").isMissingNode()
          ? run.spec.path("hooks").get("exit") : Json.MAPPER.createObjectNode().put("template", onExit);
      exitNode = op.executeTemplate(run.name + ".onExit", call, TemplateHolder.local(run.spec),
          call.has("arguments") ? call.get("arguments") : run.spec.get("arguments"),
          new CallOptions(null, run.name + ".onExit", null, true));
      if (exitNode == null || !exitNode.fulfilled()) {
        return;
      }
    }
    String message = root.phase.failedOrError() && !run.shutdown().isEmpty()
        ? "Stopped with strategy '" + run.shutdown() + "'" : root.message;
    if (status.equals("Succeeded") && exitNode != null && exitNode.phase.failedOrError()) {
      status = exitNode.phase == NodePhase.Error ? "Error" : "Failed";
      message = exitNode.message;
    }
    run.phase = status;
    run.message = message;
    run.finishedAt = op.now;
    locks.releaseWorkflow(run.namespace + "/" + run.name);
  }

  /** {@code workflow.failures}: every Failed or Error node, as a JSON list. */
  private static String failures(WorkflowRun run) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (Node n : run.nodes()) {
      if (n.phase.failedOrError()) {
        ObjectNode f = list.addObject();
        f.put("displayName", n.displayName).put("message", n.message == null ? "" : n.message)
            .put("templateName", n.templateName == null ? "" : n.templateName).put("phase", n.phase.name())
            .put("podName", n.podName == null ? NodeNames.podName(run.name, n.name, n.templateName) : n.podName)
            .put("finishedAt", n.finishedAt == null ? "" : Times.k8s(n.finishedAt));
      }
    }
    return Json.string(list);
  }

  private static String shutdownMessage(WorkflowRun run, Instant now) {
    if (!run.shutdown().isEmpty()) {
      return "workflow shutdown with strategy: " + run.shutdown();
    }
    long deadline = run.spec.path("activeDeadlineSeconds").asLong(-1);
    if (deadline >= 0 && !now.isBefore(run.startedAt.plusSeconds(deadline))) {
      return "Step exceeded its deadline";
    }
    return null;
  }

  private static void deadlineWake(WorkflowRun run, Operator op) {
    long deadline = run.spec.path("activeDeadlineSeconds").asLong(-1);
    if (deadline >= 0 && !run.completed()) {
      Instant at = run.startedAt.plusSeconds(deadline);
      if (op.now.isBefore(at)) {
        op.wakeAt(at);
      }
    }
  }

  public void started(WorkflowRun run, String nodeId, Instant at) {
    Node node = run.nodeById(nodeId);
    if (node != null && node.phase == NodePhase.Pending) {
      node.phase = NodePhase.Running;
    }
  }

  public void finished(WorkflowRun run, String nodeId, ExecutionResult result) {
    Node node = run.nodeById(nodeId);
    run.dispatched.remove(nodeId);
    if (node == null || node.fulfilled()) {
      return;
    }
    ObjectNode tmpl = run.podTemplates.remove(nodeId);
    NodePhase phase = NodePhase.valueOf(result.phase());
    String message = result.message();
    if (tmpl != null) {
      try {
        Map<String, Object> vars = new LinkedHashMap<>(Globals.of(run, result.finishedAt()));
        vars.putAll(Inputs.vars(tmpl));
        node.outputs = Outputs.forPod(tmpl, result, vars, node);
      } catch (EngineException e) {
        phase = phase == NodePhase.Succeeded ? NodePhase.Error : phase;
        message = message == null ? e.getMessage() : message;
      }
    }
    if (phase == NodePhase.Succeeded) {
      String refused = Memoization.save(memo, run.namespace, node, result.finishedAt());
      if (refused != null) {
        phase = NodePhase.Error;
        message = refused;
      }
    }
    run.version++;
    if (phase.failedOrError()) {
      run.failures++;
    }
    node.phase = phase;
    node.message = message;
    node.finishedAt = result.finishedAt();
    if (phase == NodePhase.Succeeded) {
      Artifacts.exportGlobals(node, run, null);
    }
    if (phase == NodePhase.Succeeded && node.globalNames != null) {
      node.globalNames.forEach((param, global) -> {
        String value = node.output(param);
        if (value != null) {
          run.globalOutputs.put(global, value);
        }
      });
    }
  }

  private static String fingerprint(WorkflowRun run) {
    StringBuilder b = new StringBuilder().append(run.nodes().size()).append(run.phase);
    for (Node n : run.nodes()) {
      b.append(n.phase.ordinal()).append(n.children.size());
      if (n.message != null) {
        b.append(n.message.length());
      }
    }
    return b.toString();
  }
}
