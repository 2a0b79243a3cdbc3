package io.quargo.bench.workflow;

import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.SyncLocks;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.run.RunObserver;
import io.quargo.workflow.run.Submission;
import io.quargo.workflow.run.WorkflowRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Workflow through {@link WorkflowRunner} with the {@link InstantExecutor}, and the same manifest through the
 * {@link TopologicalBaseline}; each checks its own outcome, so a benchmark that measured a broken run fails loudly
 * instead of printing a fast figure.
 */
final class EngineRuns {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private EngineRuns() {}

  /**
   * What an engine run left: the run (its node tree is the retained heap), and per reconcile the node count and
   * the nanoseconds since the previous one (the reconcile plus folding in the reports before it).
   */
  record EngineOutcome(WorkflowRun run, List<long[]> reconciles) {}

  static EngineOutcome engine(Resource workflow, int expectedTasks) {
    InstantExecutor executor = new InstantExecutor(AT);
    WorkflowRun run = Submission.prepare(workflow, Map.of(), null, TemplateResolver.NONE, AT);
    WorkflowEngine engine = new WorkflowEngine(TemplateResolver.NONE, new EngineSettings("bench", false),
        new SyncLocks());
    List<long[]> reconciles = new ArrayList<>();
    long[] last = {System.nanoTime()};
    RunObserver counting = new RunObserver() {
      @Override
      public void changed(WorkflowRun r) {
        long now = System.nanoTime();
        reconciles.add(new long[] {r.nodes().size(), now - last[0]});
        last[0] = now;
      }
    };
    try {
      new WorkflowRunner(engine, executor, Clock.fixed(AT, ZoneOffset.UTC), counting).run(run);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + run.name, e);
    }
    if (!"Succeeded".equals(run.phase) || executor.started() != expectedTasks) {
      throw new IllegalStateException(run.name + " ended " + run.phase + " (" + run.message + ") after starting "
          + executor.started() + " of " + expectedTasks + " tasks");
    }
    return new EngineOutcome(run, reconciles);
  }

  static int baseline(Resource workflow, int expectedTasks) {
    InstantExecutor executor = new InstantExecutor(AT);
    int done = TopologicalBaseline.run(workflow, executor);
    if (done != expectedTasks || executor.started() != expectedTasks) {
      throw new IllegalStateException("the baseline finished " + done + " and started " + executor.started()
          + " of " + expectedTasks + " tasks of " + workflow.name());
    }
    return done;
  }
}
