package io.quargo.workflow.controller;

import io.quargo.core.resource.Resource;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.Executor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/** A workflow the controller is running: its run, its last stored copy and its live tasks (engine thread only). */
final class ActiveWorkflow {
  final String key;
  final WorkflowRun run;
  final WorkflowEngine engine;
  Resource stored;
  String lastStatus;
  String lastPhase = "";
  final Map<String, String> nodePhases = new HashMap<>();
  final Map<String, Executor.RunningTask> tasks = new HashMap<>();
  ScheduledFuture<?> wake;
  boolean reconcileQueued;
  boolean persistQueued;
  java.time.Instant lastPersisted;

  ActiveWorkflow(String key, WorkflowRun run, WorkflowEngine engine, Resource stored) {
    this.key = key;
    this.run = run;
    this.engine = engine;
    this.stored = stored;
  }
}
