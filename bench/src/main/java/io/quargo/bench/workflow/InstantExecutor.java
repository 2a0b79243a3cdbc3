package io.quargo.bench.workflow;

import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An executor that runs nothing: every task reports started and {@code Succeeded} synchronously, inside
 * {@link #start}. The runner queues those reports and folds them in after the plan's starts, so what is measured is
 * the engine and the runner alone. The clock is fixed, as no time passes in a task that does nothing.
 */
final class InstantExecutor implements Executor {
  private static final RunningTask DONE = message -> { };

  private final Instant at;
  private final AtomicLong started = new AtomicLong();

  InstantExecutor(Instant at) {
    this.at = at;
  }

  @Override
  public RunningTask start(ExecutionTask task, ExecutionListener listener) {
    started.incrementAndGet();
    listener.started(at);
    listener.finished(new ExecutionResult("Succeeded", null, 0, null, Map.of(), Map.of(), at));
    return DONE;
  }

  /** How many tasks were handed over, so a run can be checked to have started every leaf exactly once. */
  long started() {
    return started.get();
  }

  @Override
  public void close() {
    // nothing runs, nothing to stop
  }
}
