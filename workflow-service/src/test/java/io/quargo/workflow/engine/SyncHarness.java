package io.quargo.workflow.engine;

import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.run.Submission;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Several workflows over one {@link SyncLocks}, driven as the controller drives them: a workflow is reconciled
 * when it is submitted, when one of its pods reports, and when the locks wake it; never otherwise. Pods finish
 * only when a test says so, so every step of the contention can be looked at.
 */
final class SyncHarness {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** ConfigMap data by {@code <configMap>/<key>}: the in-memory stand-in for the ConfigMaps of the store. */
  final Map<String, String> configMaps = new HashMap<>();
  final SyncLocks locks = new SyncLocks(ref -> SyncLimits.parse(ref, configMapValue(ref)));
  final Map<String, WorkflowRun> runs = new LinkedHashMap<>();
  final Map<String, WorkflowEngine> engines = new HashMap<>();
  /** Pods started and not yet finished, in start order. */
  final List<ExecutionTask> running = new ArrayList<>();
  /** Every pod start as {@code <workflow>/<displayName>}, in order. */
  final List<String> starts = new ArrayList<>();
  /** The largest number of pods running at once. */
  int maxRunning;
  private final Deque<String> queue = new ArrayDeque<>();
  Instant now = T0;

  SyncHarness() {
    locks.onWake(key -> queue.add(key.substring(key.indexOf('/') + 1)));
  }

  private String configMapValue(SyncRef ref) {
    if (!configMaps.containsKey(ref.configMap() + "/" + ref.configMapKey())
        && configMaps.keySet().stream().noneMatch(k -> k.startsWith(ref.configMap() + "/"))) {
      throw new EngineException("configmaps \"" + ref.configMap() + "\" not found");
    }
    return configMaps.get(ref.configMap() + "/" + ref.configMapKey());
  }

  /** Submits a workflow named {@code name}, created {@code createdOffset} seconds after T0. */
  WorkflowRun submit(String name, String yaml, int createdOffset) {
    Resource wf = ManifestLoader.load(yaml.replace("\t", "  "), "test.yaml").get(0).resource().withName(name);
    WorkflowRun run = Submission.prepare(wf, Map.of(), null, TemplateResolver.NONE, T0.plusSeconds(createdOffset));
    runs.put(name, run);
    engines.put(name, new WorkflowEngine(TemplateResolver.NONE, new EngineSettings("host", true), locks));
    queue.add(name);
    settle();
    return run;
  }

  /** Reconciles every queued workflow (and whatever that wakes) until nothing is queued. */
  void settle() {
    for (int i = 0; !queue.isEmpty(); i++) {
      if (i > 10_000) {
        throw new AssertionError("the workflows keep waking each other: " + queue);
      }
      reconcile(queue.poll());
    }
  }

  private void reconcile(String name) {
    WorkflowRun run = runs.get(name);
    if (run == null) {
      return;
    }
    Plan plan = engines.get(name).reconcile(run, now);
    for (ExecutionTask t : plan.start()) {
      engines.get(name).started(run, t.nodeId(), now);
      running.add(t);
      starts.add(name + "/" + run.nodeById(t.nodeId()).displayName);
    }
    maxRunning = Math.max(maxRunning, running.size());
  }

  /** Finishes the running pods that match, then lets the controller react. */
  void finish(Predicate<ExecutionTask> which, String phase) {
    now = now.plusSeconds(1);
    List<ExecutionTask> done = running.stream().filter(which).toList();
    for (ExecutionTask t : done) {
      running.remove(t);
      WorkflowRun run = runs.get(t.workflowName());
      engines.get(t.workflowName()).finished(run, t.nodeId(), new ExecutionResult(phase,
          phase.equals("Succeeded") ? null : "Error (exit code 1)", phase.equals("Succeeded") ? 0 : 1, "", Map.of(),
          Map.of(), now));
      queue.add(t.workflowName());
    }
    settle();
  }

  void finishAll() {
    finish(t -> true, "Succeeded");
  }

  /** Finishes whatever runs, round after round, until nothing is left running. */
  void drain() {
    for (int i = 0; i < 1000 && !running.isEmpty(); i++) {
      finishAll();
    }
  }

  void wake(String name) {
    queue.add(name);
    settle();
  }

  void changeConfigMap(String configMapKey, String value) {
    configMaps.put(configMapKey, value);
    locks.wakeWaiters("default/ConfigMap/" + configMapKey.substring(0, configMapKey.indexOf('/')) + "/");
    settle();
  }

  List<String> runningWorkflows() {
    return running.stream().map(ExecutionTask::workflowName).toList();
  }

  WorkflowRun run(String name) {
    return runs.get(name);
  }
}
