package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code synchronization} for one workflow run (Argo's operator side of the sync manager): the workflow-level
 * locks before anything runs, a template's locks before its node starts (held by the node, or by its Retry node
 * across attempts), and the release of every node lock once its node is fulfilled.
 */
final class SyncEngine {
  static final String FAILED = "Failed to acquire the synchronization lock. ";

  private final SyncLocks locks;
  private final WorkflowRun run;

  SyncEngine(SyncLocks locks, WorkflowRun run) {
    this.locks = locks;
    this.run = run;
  }

  String workflowKey() {
    return run.namespace + "/" + run.name;
  }

  /**
   * Workflow-level locks: true when the run may go on. While waiting the run is Pending with Argo's message; a
   * lock that cannot be had at all (bad block, no ConfigMap) fails the workflow. A stopped workflow stops waiting.
   */
  boolean acquireWorkflow(java.time.Instant now) {
    JsonNode sync = run.spec.get("synchronization");
    if (sync == null || sync.isNull()) {
      return true;
    }
    SyncLocks.Attempt attempt;
    try {
      List<SyncRef> refs = SyncRef.parse(sync, run.namespace, "spec.synchronization");
      if (refs.isEmpty()) {
        return true;
      }
      attempt = locks.tryAcquire(workflowKey(), refs, priority(), run.creationTimestamp);
    } catch (EngineException e) {
      run.phase = "Failed";
      run.message = FAILED + e.getMessage();
      run.startedAt = run.startedAt == null ? now : run.startedAt;
      run.finishedAt = now;
      locks.releaseWorkflow(workflowKey());
      return false;
    }
    if (attempt.acquired()) {
      return true;
    }
    if (!run.shutdown().isEmpty()) {
      locks.release(workflowKey()); // Argo lets a stopped, waiting workflow through to fail its nodes
      return true;
    }
    run.phase = run.phase.isEmpty() || run.phase.equals("Pending") ? "Pending" : run.phase;
    run.message = attempt.message();
    return false;
  }

  /**
   * A template's locks before its node runs. Null when the node may go on (a placeholder that waited is dropped
   * first, so the node is created afresh); otherwise the Pending node that waits, or the Error node that cannot.
   */
  Node acquireNode(Operator op, String nodeName, Node node, ResolvedTemplate r, CallOptions opts) {
    JsonNode sync = r.template().get("synchronization");
    boolean placeholder = node != null && run.syncWaiting.containsKey(node.id);
    if (sync == null || sync.isNull() || (node != null && !placeholder)) {
      return null;
    }
    JsonNode strategy = r.template().has("retryStrategy") ? r.template().get("retryStrategy")
        : run.spec.get("retryStrategy");
    boolean retry = strategy != null && strategy.isObject(); // the Retry node holds the lock across attempts
    String holder = workflowKey() + "/" + NodeNames.nodeId(run.name, nodeName);
    if (placeholder && op.shutdownMessage != null && !(opts.onExit() && op.runExitHandlers)) {
      locks.release(holder);
      run.syncWaiting.remove(node.id);
      return op.finish(node, NodePhase.Failed, op.shutdownMessage);
    }
    SyncLocks.Attempt attempt;
    try {
      List<SyncRef> refs = SyncRef.parse(sync, run.namespace, "templates." + r.templateName() + ".synchronization");
      attempt = locks.tryAcquire(holder, refs, priority(), run.creationTimestamp);
    } catch (EngineException e) {
      if (placeholder) {
        run.syncWaiting.remove(node.id);
      }
      Node failed = node != null ? node : op.create(nodeName, retry ? NodeType.Retry : Operator.typeOf(r), opts, r);
      return op.finish(failed, NodePhase.Error, e.getMessage()); // Argo: the node of the template, in Error
    }
    if (attempt.acquired()) {
      if (placeholder) {
        run.syncWaiting.remove(node.id);
        run.forget(node);
      }
      return null;
    }
    if (node == null) {
      node = op.create(nodeName, retry ? NodeType.Retry : Operator.typeOf(r), opts, r);
    }
    if (!attempt.message().equals(node.message) || node.phase != NodePhase.Pending) {
      run.version++;
    }
    node.phase = NodePhase.Pending;
    node.message = attempt.message();
    run.syncWaiting.put(node.id, attempt.waitingOn());
    return node;
  }

  /** Node locks whose node is fulfilled (or gone) are given back; true when any was. */
  boolean releaseFulfilled() {
    boolean released = false;
    String prefix = workflowKey() + "/";
    for (String holder : locks.heldBy(workflowKey())) {
      if (!holder.startsWith(prefix)) {
        continue;
      }
      Node node = run.nodeById(holder.substring(prefix.length()));
      if (node == null || node.fulfilled()) {
        locks.release(holder);
        released = true;
      }
    }
    return released;
  }

  /** The run's status.synchronization as the locks stand now. */
  void updateStatus() {
    run.synchronization = SyncStatus.of(locks, workflowKey());
  }

  private int priority() {
    return run.spec.path("priority").asInt(0);
  }
}
