package io.quargo.core.depends;

import java.util.List;
import java.util.Objects;

/**
 * What the DAG knows about one task when evaluating {@code depends}: its node phase, whether it is a daemon, and
 * for a fanned-out task (a TaskGroup) the phases of its children.
 *
 * @param childPhases null for a plain task; the children's phases for a fanned-out task
 */
public record TaskState(TaskPhase phase, boolean daemoned, List<TaskPhase> childPhases) {

  public TaskState {
    Objects.requireNonNull(phase, "phase");
    childPhases = childPhases == null ? null : List.copyOf(childPhases);
  }

  public static TaskState of(TaskPhase phase) {
    return new TaskState(phase, false, null);
  }

  public static TaskState daemon(TaskPhase phase) {
    return new TaskState(phase, true, null);
  }

  public static TaskState fannedOut(TaskPhase phase, List<TaskPhase> children) {
    return new TaskState(phase, false, children);
  }

  /** Argo's Fulfilled(): completed, skipped or omitted - or a daemon that has left Pending. */
  public boolean fulfilled() {
    return phase.completed() || phase == TaskPhase.SKIPPED || phase == TaskPhase.OMITTED
        || (daemoned && phase != TaskPhase.PENDING);
  }

  /** Whether this task has the given result, as dag.go's evaluateDependsLogic computes it. */
  public boolean has(TaskResult result) {
    return switch (result) {
      case SUCCEEDED -> phase == TaskPhase.SUCCEEDED;
      case FAILED -> phase == TaskPhase.FAILED;
      case ERRORED -> phase == TaskPhase.ERROR;
      case SKIPPED -> phase == TaskPhase.SKIPPED;
      case OMITTED -> phase == TaskPhase.OMITTED;
      case DAEMONED -> daemoned && phase != TaskPhase.PENDING;
      case ANY_SUCCEEDED -> childPhases != null && childPhases.contains(TaskPhase.SUCCEEDED);
      case ALL_FAILED -> childPhases != null && !childPhases.isEmpty()
          && childPhases.stream().allMatch(p -> p == TaskPhase.FAILED);
    };
  }
}
