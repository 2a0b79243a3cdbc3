package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One leaf node on the host: prepares its directory, runs its containers in dependency order, enforces the
 * template's {@code activeDeadlineSeconds}, collects outputs and reports exactly one {@link ExecutionResult}.
 * No thread waits on it: process exits arrive as futures.
 */
final class LocalTask implements Executor.RunningTask {
  /** Kubernetes' message for a pod past its activeDeadlineSeconds, which Argo copies onto the node. */
  static final String DEADLINE_MESSAGE = "Pod was active on the node longer than the specified deadline";

  private final ExecutionTask task;
  private final ExecutionListener listener;
  private final LocalExecutor.Shared shared;
  private final TemplateReader reader;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Map<String, ProcessRun> runs = new LinkedHashMap<>();
  private final Map<String, Integer> exitCodes = new LinkedHashMap<>();
  private final Map<String, NodeLog> logs = new LinkedHashMap<>();
  private ContainerGraph graph;
  private NodeWorkspace workspace;
  private String mainName = "main";
  private String stopPhase;
  private String stopMessage;
  private String startError;
  private boolean started;
  private Instant lastExit;
  private ScheduledFuture<?> deadline;

  LocalTask(ExecutionTask task, ExecutionListener listener, LocalExecutor.Shared shared) {
    this.task = task;
    this.listener = listener;
    this.shared = shared;
    this.reader = new TemplateReader(task);
  }

  /** Runs on a launch thread: everything up to the processes' start. */
  void launch() {
    if (finished.get()) {
      return;
    }
    List<ContainerSpec> containers;
    ContainerGraph g;
    NodeWorkspace ws;
    try {
      checkNames();
      containers = reader.containers();
      g = new ContainerGraph(containers, reader);
      ws = NodeWorkspace.create(shared.root(), task, containers);
      ws.prepare(task, containers, reader, shared.artifacts());
    } catch (TemplateError e) {
      finish(ExecutionResult.error(e.getMessage(), Instant.now()));
      return;
    } catch (IOException | RuntimeException e) {
      finish(ExecutionResult.error("cannot prepare the node's directory under " + shared.root() + ": " + e,
          Instant.now()));
      return;
    }
    synchronized (this) {
      if (finished.get()) {
        return;
      }
      // Published together under the lock, so a concurrent kill sees a node that is fully prepared or not at all.
      graph = g;
      workspace = ws;
      if (containers.stream().noneMatch(c -> c.name().equals("main"))) {
        mainName = containers.get(containers.size() - 1).name();
      }
      scheduleDeadline();
      startReady();
    }
  }

  /** Namespace and node id name directories, so they must be plain names (no {@code ../}). */
  private void checkNames() throws TemplateError {
    for (String[] f : new String[][] {{"namespace", task.namespace()}, {"nodeId", task.nodeId()}}) {
      if (f[1] == null || !f[1].matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new TemplateError("task " + f[0] + " '" + f[1] + "' is not a Kubernetes name; the local executor "
            + "uses it as a directory name, so it must be letters, digits, '.', '_' or '-'");
      }
    }
  }

  private void scheduleDeadline() {
    JsonNode d = task.template().path("activeDeadlineSeconds");
    long seconds = d.isNumber() ? d.asLong() : d.isTextual() ? parseLong(d.asText()) : -1;
    if (seconds >= 0 && (d.isNumber() || d.isTextual())) {
      deadline = shared.scheduler().schedule(() -> stop("Failed", DEADLINE_MESSAGE), seconds, TimeUnit.SECONDS);
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Starts every container whose dependencies are met; finishes the node when nothing is left. */
  private synchronized void startReady() {
    for (ContainerSpec c : graph.takeReady(stopMessage != null || startError != null)) {
      try {
        Launch launch = shared.planner().plan(task, c, workspace, reader);
        NodeLog log = new NodeLog(workspace.logFile(c.name()));
        logs.put(c.name(), log);
        ProcessRun run = ProcessRun.start(launch, log, listener, task.captureResult() && c.name().equals(mainName),
            shared.work(), shared.options().drainGrace(), shared.groups());
        runs.put(c.name(), run);
        LeftoverProcesses.record(workspace.nodeDir(), c.name(), run.process());
        String container = c.name();
        run.done().whenComplete((code, err) -> LeftoverProcesses.forget(workspace.nodeDir(), container));
        if (!started) {
          started = true;
          listener.started(Instant.now());
        }
        run.done().whenCompleteAsync((code, err) -> exited(c.name(), code == null ? -1 : code), shared.work());
      } catch (TemplateError e) {
        startError = e.getMessage();
        graph.finished(c.name(), false);
      } catch (IOException | RuntimeException e) {
        startError = "template '" + task.template().path("name").asText() + "' " + c.where() + ": cannot start "
            + (c.command() == null ? "the image's command" : c.command()) + ": " + e.getMessage();
        graph.finished(c.name(), false);
      }
    }
    if (graph.allDone()) {
      complete();
    }
  }

  private synchronized void exited(String name, int code) {
    lastExit = Instant.now();
    exitCodes.put(name, code);
    graph.finished(name, code == 0);
    startReady();
  }

  /** Kill (stop, terminate, deadline): the tree dies, the node ends Failed with the message. */
  @Override
  public void kill(String message) {
    stop("Failed", message);
  }

  /** The executor is closing: as kill, but the node ends in Error. */
  void abort(String message) {
    stop("Error", message);
  }

  private void stop(String phase, String message) {
    synchronized (this) {
      if (finished.get() || stopMessage != null) {
        return;
      }
      stopPhase = phase;
      stopMessage = message;
      for (Map.Entry<String, ProcessRun> e : runs.entrySet()) {
        if (!exitCodes.containsKey(e.getKey())) {
          e.getValue().kill(shared.options().killGrace(), shared.scheduler());
        }
      }
      if (graph != null) {
        startReady();
        return;
      }
    }
    // Not launched yet: the launch thread will find the node finished and start nothing.
    finish(new ExecutionResult(phase, message, null, null, Map.of(), Map.of(), Instant.now()));
  }

  private void complete() {
    if (deadline != null) {
      deadline.cancel(false);
    }
    logs.values().forEach(NodeLog::close);
    Integer exit = exitCodes.get(mainName);
    ProcessRun main = runs.get(mainName);
    String result = main == null ? null : main.result();
    String failedContainer = firstFailed();
    boolean clean = stopMessage == null && startError == null && failedContainer == null;
    String keyPrefix = task.workflowName() + "/" + (task.podName() != null ? task.podName() : task.nodeId());
    OutputCollector.Outputs out = new OutputCollector(workspace.paths(), shared.artifacts(), keyPrefix,
        workspace.nodeDir().resolve("archive")).collect(task.template(), clean);
    String phase;
    String message;
    if (stopMessage != null) {
      phase = stopPhase;
      message = stopMessage;
    } else if (startError != null) {
      phase = "Error";
      message = startError;
    } else if (failedContainer != null) {
      phase = "Failed";
      int code = exitCodes.get(failedContainer);
      message = failedContainer.equals(mainName) ? "Error (exit code " + code + ")"
          : "container " + failedContainer + ": Error (exit code " + code + ")";
    } else if (out.failure() != null) {
      phase = "Error";
      message = out.failure();
    } else {
      phase = "Succeeded";
      message = null;
    }
    cleanUp();
    finish(new ExecutionResult(phase, message, exit, task.captureResult() ? result : null,
        out.parameters(), out.artifacts(), lastExit == null ? Instant.now() : lastExit));
  }

  private String firstFailed() {
    Integer mainCode = exitCodes.get(mainName);
    if (mainCode != null && mainCode != 0) {
      return mainName;
    }
    List<String> failed = new ArrayList<>();
    exitCodes.forEach((name, code) -> {
      if (code != 0) {
        failed.add(name);
      }
    });
    return failed.isEmpty() ? null : failed.get(0);
  }

  private void cleanUp() {
    if (shared.options().keepNodeFiles()) {
      return;
    }
    try {
      FileTrees.delete(workspace.paths().fsRoot());
      FileTrees.delete(workspace.home());
    } catch (IOException e) {
      // Leftover files cost disk only; the result is what matters.
    }
  }

  private void finish(ExecutionResult result) {
    if (finished.compareAndSet(false, true)) {
      shared.forget(this);
      listener.finished(result);
    }
  }

  boolean isFinished() {
    return finished.get();
  }
}
