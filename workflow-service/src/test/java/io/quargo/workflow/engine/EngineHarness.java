package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.run.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Drives the engine by hand for unit tests: a scripted outcome per pod (by display name, default Succeeded with
 * exit code 0), a clock that jumps to the engine's next wake-up, and every started task recorded.
 */
final class EngineHarness {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final WorkflowRun run;
  final WorkflowEngine engine;
  final List<ExecutionTask> started = new ArrayList<>();
  final Map<String, Function<ExecutionTask, ExecutionResult>> outcomes = new LinkedHashMap<>();
  Instant now = T0;
  /** How long each pod "runs" before its outcome is reported. */
  Duration podTime = Duration.ofSeconds(1);

  EngineHarness(String yaml) {
    Resource wf = ManifestLoader.load(yaml.replace("\t", "  "), "test.yaml").get(0).resource();
    JsonNode meta = wf.tree().path("metadata");
    Resource named = meta.has("name") ? wf : wf.withName("wf");
    run = Submission.prepare(named, Map.of(), null, TemplateResolver.NONE, T0);
    engine = new WorkflowEngine(TemplateResolver.NONE, new EngineSettings("host", true), new SyncLocks());
  }

  EngineHarness fail(String displayName, int exitCode) {
    outcomes.put(displayName, t -> result("Failed", "Error (exit code " + exitCode + ")", exitCode, null));
    return this;
  }

  EngineHarness output(String displayName, String stdout) {
    outcomes.put(displayName, t -> result("Succeeded", null, 0, stdout));
    return this;
  }

  ExecutionResult result(String phase, String message, Integer exit, String stdout) {
    return new ExecutionResult(phase, message, exit, stdout, Map.of(), Map.of(), now);
  }

  /** Runs to completion (or until nothing can happen), at most {@code maxSteps} engine rounds. */
  EngineHarness runToEnd() {
    for (int i = 0; i < 10_000; i++) {
      Plan plan = engine.reconcile(run, now);
      if (plan.completed()) {
        return this;
      }
      if (!plan.start().isEmpty()) {
        now = now.plus(podTime);
        for (ExecutionTask t : plan.start()) {
          started.add(t);
          engine.started(run, t.nodeId(), now);
          Node n = run.nodeById(t.nodeId());
          String display = n.displayName;
          ExecutionResult r = outcomes.containsKey(display) ? outcomes.get(display).apply(t)
              : result("Succeeded", null, 0, "");
          engine.finished(run, t.nodeId(), new ExecutionResult(r.phase(), r.message(), r.exitCode(), r.result(),
              r.outputParameters(), r.outputArtifacts(), now));
        }
        continue;
      }
      if (plan.wakeAt() == null) {
        return this;
      }
      now = plan.wakeAt().isAfter(now) ? plan.wakeAt() : now.plusMillis(1);
    }
    throw new AssertionError("the workflow did not settle in 10,000 rounds");
  }

  Node node(String name) {
    Node n = run.node(name);
    if (n == null) {
      throw new AssertionError("no node named " + name + "; nodes: " + run.nodes());
    }
    return n;
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    run.nodes().forEach(n -> names.add(n.name));
    return names;
  }
}
