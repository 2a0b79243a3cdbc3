package io.quargo.workflow.run;

import io.quargo.workflow.engine.WorkflowRun;

/** Hears a run's progress: after each reconcile, and each log line of each node (on the runner's thread). */
public interface RunObserver {
  RunObserver NONE = new RunObserver() {};

  default void changed(WorkflowRun run) {}

  default void log(WorkflowRun run, String nodeId, String stream, String line) {}
}
