package io.quargo.workflow.engine;

import io.quargo.workflow.executor.ExecutionTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one reconcile pass decided: tasks to hand to the executor, running tasks to kill (node id to message),
 * when to look again if nothing is reported before, and whether the workflow is finished.
 */
public record Plan(List<ExecutionTask> start, Map<String, String> kill, Instant wakeAt, boolean completed) {}
