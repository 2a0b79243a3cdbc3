package io.quargo.workflow.engine;

/**
 * Engine knobs that come from outside the workflow.
 *
 * @param hostName      reported as {@code hostNodeName} of pod nodes
 * @param captureResult whether pods keep stdout for {@code outputs.result}
 */
public record EngineSettings(String hostName, boolean captureResult) {

  /** {@code spec.parallelism}: how many pods may be active at once. */
  boolean parallelismAllows(WorkflowRun run) {
    int limit = run.spec.path("parallelism").asInt(0);
    if (limit <= 0) {
      return true;
    }
    long active = run.nodes().stream()
        .filter(n -> n.type == NodeType.Pod && !n.fulfilled() && !Resubmission.awaitsRerun(n)).count();
    return active < limit;
  }
}
