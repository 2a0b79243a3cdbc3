package io.quargo.workflow.run;

import io.quargo.workflow.engine.Plan;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives one workflow to completion in this process: the engine decides, the executor runs, reports come back on
 * a queue and are folded in on this thread only (the engine is not thread-safe, and needs not be).
 */
public final class WorkflowRunner {
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final WorkflowEngine engine;
  private final Executor executor;
  private final Clock clock;
  private final RunObserver observer;

  public WorkflowRunner(WorkflowEngine engine, Executor executor, Clock clock, RunObserver observer) {
    this.engine = engine;
    this.executor = executor;
    this.clock = clock;
    this.observer = observer;
  }

  private sealed interface Report permits Started, Log, Finished {}

  private record Started(String nodeId, Instant at) implements Report {}

  private record Log(String nodeId, String stream, String line) implements Report {}

  private record Finished(String nodeId, ExecutionResult result) implements Report {}

  public WorkflowRun run(WorkflowRun run) throws InterruptedException {
    LinkedBlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    Map<String, Executor.RunningTask> running = new HashMap<>();
    while (true) {
      Plan plan = engine.reconcile(run, clock.instant());
      for (ExecutionTask task : plan.start()) {
        running.put(task.nodeId(), executor.start(task, listener(task.nodeId(), reports)));
      }
      plan.kill().forEach((id, message) -> {
        Executor.RunningTask task = running.get(id);
        if (task != null) {
          task.kill(message);
        }
      });
      observer.changed(run);
      if (plan.completed() && running.isEmpty()) {
        return run;
      }
      Report report = reports.poll(waitMillis(plan), TimeUnit.MILLISECONDS);
      while (report != null) {
        apply(run, report, running);
        report = reports.poll();
      }
    }
  }

  private long waitMillis(Plan plan) {
    if (plan.wakeAt() == null) {
      return IDLE_POLL.toMillis();
    }
    long ms = Duration.between(clock.instant(), plan.wakeAt()).toMillis() + 1;
    return Math.max(0, Math.min(ms, IDLE_POLL.toMillis()));
  }

  private void apply(WorkflowRun run, Report report, Map<String, Executor.RunningTask> running) {
    if (report instanceof Started s) {
      engine.started(run, s.nodeId(), s.at());
    } else if (report instanceof Log l) {
      observer.log(run, l.nodeId(), l.stream(), l.line());
    } else if (report instanceof Finished f) {
      running.remove(f.nodeId());
      engine.finished(run, f.nodeId(), f.result());
    }
  }

  private static ExecutionListener listener(String nodeId, LinkedBlockingQueue<Report> reports) {
    return new ExecutionListener() {
      @Override
      public void started(Instant at) {
        reports.add(new Started(nodeId, at));
      }

      @Override
      public void log(String stream, String line) {
        reports.add(new Log(nodeId, stream, line));
      }

      @Override
      public void finished(ExecutionResult result) {
        reports.add(new Finished(nodeId, result));
      }
    };
  }
}
