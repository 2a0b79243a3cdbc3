package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.tags.TagException;
import io.quargo.workflow.executor.ExecutionTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reconcile pass over a workflow (Argo's {@code wfOperationCtx}): walks the node tree from the root, creates
 * what is due, and collects the tasks to start. Every call is safe to repeat: a fulfilled node is returned as is.
 */
final class Operator {
  final WorkflowRun run;
  final Instant now;
  final TemplateLookup lookup;
  final EngineSettings settings;
  final Map<String, Object> globals;
  final List<ExecutionTask> start = new ArrayList<>();
  final Map<String, String> kill = new LinkedHashMap<>();
  /** Set when the workflow is being stopped: Argo's shutdown message for nodes that will not run. */
  final String shutdownMessage;
  final boolean runExitHandlers;
  Instant wakeAt;
  /** Where {@code memoize} looks up and stores outputs (set by the engine). */
  MemoCache memo;
  private final StepsOperator steps = new StepsOperator(this);
  private final DagOperator dag = new DagOperator(this);
  private final Retries retries = new Retries(this);
  final Hooks hooks = new Hooks(this);
  /** The run's {@code synchronization}; set by the engine (null in no-lock callers). */
  SyncEngine sync;
  /** A node lock was given back this pass: waiting nodes of this run get another pass. */
  boolean syncReleased;

  Operator(WorkflowRun run, Instant now, TemplateLookup lookup, EngineSettings settings, Map<String, Object> globals,
      String shutdownMessage, boolean runExitHandlers) {
    this.run = run;
    this.now = now;
    this.lookup = lookup;
    this.settings = settings;
    this.globals = globals;
    this.shutdownMessage = shutdownMessage;
    this.runExitHandlers = runExitHandlers;
  }

  /**
   * Runs (or continues) the node {@code nodeName} for a call (a step, task, hook or the entrypoint). Returns the
   * node, or null when it cannot be created yet (parallelism).
   */
  Node executeTemplate(String nodeName, JsonNode call, TemplateHolder holder, JsonNode args, CallOptions opts) {
    Node node = run.node(nodeName);
    if (node != null && node.fulfilled()) {
      return node;
    }
    ResolvedTemplate resolved;
    ObjectNode tmpl;
    try {
      resolved = lookup.resolve(call, holder);
      ObjectNode bound = Inputs.bind(resolved.template(), args == null ? ObjectNodes.EMPTY : args);
      tmpl = Substitution.object(bound, vars(Inputs.vars(bound), opts.extraVars()), Substitution.LEAVE);
    } catch (EngineException | TagException e) {
      return errorNode(nodeName, node, opts, e.getMessage());
    }
    ResolvedTemplate r = new ResolvedTemplate(tmpl, resolved.holder(), resolved.templateName(),
        resolved.templateRef());
    if (node == null && shutdownMessage != null && !(opts.onExit() && runExitHandlers)) {
      Node skipped = create(nodeName, typeOf(r), opts, r);
      return finish(skipped, NodePhase.Failed, shutdownMessage);
    }
    if (sync != null && tmpl.has("synchronization")) {
      Node waiting = sync.acquireNode(this, nodeName, node, r, opts);
      if (waiting != null) {
        return waiting;
      }
      node = run.node(nodeName); // a placeholder that got its lock is gone: the node is created afresh
    }
    JsonNode strategy = tmpl.has("retryStrategy") ? tmpl.get("retryStrategy") : run.spec.get("retryStrategy");
    boolean retried = strategy != null && strategy.isObject() && (node == null || node.type == NodeType.Retry);
    MemoizationStatus miss = null;
    if (node == null && memo != null && tmpl.hasNonNull("memoize")) {
      Memoization.Outcome cached = Memoization.check(this, nodeName, r, opts, retried);
      if (cached.node() != null) {
        return cached.node();
      }
      miss = cached.miss();
    }
    Node result = retried ? retries.execute(nodeName, node, r, strategy, opts) : executeBody(nodeName, node, r, opts);
    if (miss != null && result != null && result.memoizationStatus == null) {
      result.memoizationStatus = miss;
      if (result.phase == NodePhase.Succeeded) { // it ended in the pass that created it
        finish(result, NodePhase.Succeeded, result.message);
      }
    }
    return result;
  }

  Node executeBody(String nodeName, Node node, ResolvedTemplate r, CallOptions opts) {
    switch (r.type()) {
      case "container", "script", "containerSet", "http":
        return pod(nodeName, node, r, opts);
      case "steps":
        return steps.execute(nodeName, node, r, opts);
      case "dag":
        return dag.execute(nodeName, node, r, opts);
      case "suspend":
        return suspend(nodeName, node, r, opts);
      case "resource":
        return errorNode(nodeName, node, opts, "resource templates need cluster mode (a Kubernetes API server);"
            + " standalone mode cannot run template " + r.templateName());
      default:
        return errorNode(nodeName, node, opts, "template " + r.templateName() + " of type '" + r.type()
            + "' is not supported by the standalone engine yet");
    }
  }

  private Node pod(String nodeName, Node node, ResolvedTemplate r, CallOptions opts) {
    boolean rerun = node != null && Resubmission.awaitsRerun(node) && !run.dispatched.contains(node.id);
    if (node != null && !rerun) {
      if (!run.dispatched.contains(node.id) && !node.fulfilled()) {
        return finish(node, NodePhase.Error, "pod deleted: its process ended with the engine that ran it");
      }
      if (shutdownMessage != null && !(opts.onExit() && runExitHandlers)) {
        kill.put(node.id, shutdownMessage);
      }
      return node;
    }
    if (run.suspended() || !settings.parallelismAllows(run)) {
      return node; // a suspended workflow starts nothing new (argo suspend)
    }
    boolean http = r.type().equals("http");
    if (rerun) {
      node.startedAt = now;
    } else {
      node = create(nodeName, http ? NodeType.HTTP : NodeType.Pod, opts, r);
    }
    node.podName = http ? null : NodeNames.podName(run.name, nodeName, r.templateName());
    node.hostNodeName = settings.hostName();
    Map<String, Object> local = new LinkedHashMap<>();
    if (node.podName != null) {
      local.put("pod.name", node.podName);
    }
    local.put("node.name", nodeName);
    ObjectNode tmpl;
    ObjectNode unresolved = r.template().deepCopy();
    unresolved.remove("metrics"); // evaluated when the node ends, with status and duration
    try {
      tmpl = Substitution.object(unresolved, vars(Inputs.vars(r.template()), opts.extraVars(), local),
          Substitution.FAIL);
      Artifacts.resolveInputs(tmpl);
    } catch (TagException | EngineException e) {
      return finish(node, NodePhase.Error, e.getMessage());
    }
    Timeouts.applyTemplateTimeout(tmpl);
    run.podTemplates.put(node.id, tmpl);
    run.dispatched.add(node.id);
    start.add(new ExecutionTask(run.namespace, run.name, node.id, nodeName, node.podName, tmpl,
        settings.captureResult(), Map.of()));
    return node;
  }

  private Node suspend(String nodeName, Node node, ResolvedTemplate r, CallOptions opts) {
    if (node == null) {
      node = create(nodeName, NodeType.Suspend, opts, r);
      node.phase = NodePhase.Running;
    }
    if (node.fulfilled()) {
      return node;
    }
    if (node.resumed) {
      node.outputs = Outputs.supplied(r.template(), node.outputs); // defaults for what resume did not give
      return finish(node, NodePhase.Succeeded, null);
    }
    JsonNode duration = r.template().path("suspend").get("duration");
    if (duration != null && !duration.asText().isEmpty()) {
      Instant end = node.startedAt.plus(Timeouts.parse(duration.asText(), "suspend.duration"));
      if (!now.isBefore(end)) {
        node.outputs = Outputs.supplied(r.template(), node.outputs);
        return finish(node, NodePhase.Succeeded, null);
      }
      wakeAt(end);
    }
    return node;
  }

  /**
   * A step or task whose {@code when} is false becomes a Skipped node with Argo's message; one whose {@code when}
   * cannot be read, an Error node. Null when it should run.
   */
  Node skipUnlessWhen(String nodeName, JsonNode call, CallOptions opts) {
    if (!call.hasNonNull("when")) {
      return null;
    }
    String when = call.get("when").asText();
    try {
      if (io.quargo.core.govaluate.ArgoWhen.shouldExecute(when)) {
        return null;
      }
    } catch (io.quargo.core.govaluate.GovaluateException e) {
      return errorNode(nodeName, null, opts, e.getMessage());
    }
    return finish(create(nodeName, NodeType.Skipped, opts, null), NodePhase.Skipped,
        "when '" + when + "' evaluated false");
  }

  Node create(String nodeName, NodeType type, CallOptions opts, ResolvedTemplate r) {
    Node node = new Node(NodeNames.nodeId(run.name, nodeName), nodeName, opts.displayName(), type);
    if (r != null) {
      node.templateName = r.templateName();
      node.templateRef = r.templateRef();
      node.templateScope = r.holder().scope();
      JsonNode inputs = r.template().get("inputs");
      if (inputs != null && inputs.size() > 0) {
        node.inputs = (ObjectNode) inputs;
      }
    }
    node.boundaryId = opts.boundaryId();
    node.startedAt = now;
    node.phase = type == NodeType.Pod || type == NodeType.HTTP ? NodePhase.Pending : NodePhase.Running;
    return run.add(node);
  }

  /** A node that failed before it could run: Argo records it with phase Error and the reason. */
  Node errorNode(String nodeName, Node existing, CallOptions opts, String message) {
    Node node = existing != null ? existing : create(nodeName, NodeType.Skipped, opts, null);
    return finish(node, NodePhase.Error, message);
  }

  Node finish(Node node, NodePhase phase, String message) {
    if (phase == NodePhase.Succeeded && memo != null) {
      String refused = Memoization.save(memo, run.namespace, node, now);
      if (refused != null) {
        phase = NodePhase.Error;
        message = refused;
      }
    }
    run.version++;
    if (phase.failedOrError() && !node.phase.failedOrError()) {
      run.failures++;
    }
    node.phase = phase;
    node.message = message;
    if (node.finishedAt == null || phase.fulfilled()) {
      node.finishedAt = now;
    }
    if (phase.fulfilled()) {
      exportGlobals(node);
    }
    return node;
  }

  /** {@code globalName} outputs become {@code workflow.outputs.parameters.<g>} and {@code status.outputs}. */
  void exportGlobals(Node node) {
    Artifacts.exportGlobals(node, run, globals);
    if (node.outputs == null || node.globalNames == null) {
      return;
    }
    node.globalNames.forEach((param, global) -> {
      String value = node.output(param);
      if (value != null) {
        run.globalOutputs.put(global, value);
        globals.put("workflow.outputs.parameters." + global, value);
      }
    });
  }

  /** The {@code outputs} a call's template declares, for absent outputs of a skipped node; null if unknown. */
  JsonNode declaredOutputs(JsonNode call, TemplateHolder holder) {
    try {
      return lookup.resolve(call, holder).template().get("outputs");
    } catch (EngineException e) {
      return null;
    }
  }

  void wakeAt(Instant at) {
    if (wakeAt == null || at.isBefore(wakeAt)) {
      wakeAt = at;
    }
  }

  static NodeType typeOf(ResolvedTemplate r) {
    return switch (r.type()) {
      case "container", "script", "containerSet" -> NodeType.Pod;
      case "http" -> NodeType.HTTP;
      case "steps" -> NodeType.Steps;
      case "dag" -> NodeType.DAG;
      case "suspend" -> NodeType.Suspend;
      default -> NodeType.Skipped;
    };
  }

  /** Globals, then each layer in order (later layers win). */
  @SafeVarargs
  final Map<String, Object> vars(Map<String, Object>... layers) {
    Map<String, Object> vars = new LinkedHashMap<>(globals);
    for (Map<String, Object> layer : layers) {
      if (layer != null) {
        vars.putAll(layer);
      }
    }
    return vars;
  }
}
