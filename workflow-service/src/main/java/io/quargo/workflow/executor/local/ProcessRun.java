package io.quargo.workflow.executor.local;

import io.quargo.workflow.executor.ExecutionListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One started host process: two stream readers (the only threads it holds), its exit as a future, and a kill
 * that takes the whole process tree (SIGTERM, then SIGKILL after a grace period, as a pod's termination does).
 */
final class ProcessRun {
  private final Process process;
  private final ProcessGroups groups;
  private final ResultTail tail;
  private final CompletableFuture<Integer> done;

  private ProcessRun(Process process, ProcessGroups groups, ResultTail tail, CompletableFuture<Integer> done) {
    this.process = process;
    this.groups = groups;
    this.tail = tail;
    this.done = done;
  }

  /**
   * Starts the process; lines go to the listener and the log as they come.
   *
   * @param drainGrace how long to wait for the pipes to close after the process ended (a background child that
   *                   inherited them would otherwise hold the node open forever)
   */
  static ProcessRun start(Launch launch, NodeLog log, ExecutionListener listener, boolean captureResult,
      Executor readers, Duration drainGrace, ProcessGroups groups) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(groups.wrap(launch.argv())).directory(launch.cwd().toFile());
    pb.environment().clear();
    pb.environment().putAll(launch.env());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    ResultTail tail = captureResult ? new ResultTail() : null;
    java.util.function.BiConsumer<String, String> sink = (stream, line) -> {
      log.line(line);
      listener.log(stream, line);
    };
    CompletableFuture<Void> out = CompletableFuture.runAsync(
        new StreamPump(p.getInputStream(), "stdout", tail, sink), readers);
    CompletableFuture<Void> err = CompletableFuture.runAsync(
        new StreamPump(p.getErrorStream(), "stderr", null, sink), readers);
    // When the main process ends, whatever it left behind dies too, as in a container.
    CompletableFuture<Integer> done = p.onExit().thenCompose(ended -> {
      groups.signal(ended.pid(), "KILL");
      return CompletableFuture.allOf(out, err)
          .completeOnTimeout(null, drainGrace.toMillis(), TimeUnit.MILLISECONDS)
          .thenApply(v -> ended.exitValue());
    });
    return new ProcessRun(p, groups, tail, done);
  }

  Process process() {
    return process;
  }

  /** Completes with the exit code once the process ended and its output was read. */
  CompletableFuture<Integer> done() {
    return done;
  }

  /** The captured stdout, or null when the result was not asked for. */
  String result() {
    return tail == null ? null : tail.text();
  }

  /** SIGTERM to the process and every descendant, SIGKILL to the survivors after the grace period. */
  void kill(Duration grace, ScheduledExecutorService scheduler) {
    List<ProcessHandle> tree = tree();
    tree.forEach(ProcessHandle::destroy);
    groups.signal(process.pid(), "TERM");
    scheduler.schedule(() -> {
      List<ProcessHandle> all = new ArrayList<>(tree);
      all.addAll(tree());
      all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      groups.signal(process.pid(), "KILL");
    }, grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Descendants first, so a shell cannot restart a child it is waiting on before it dies itself. */
  private List<ProcessHandle> tree() {
    List<ProcessHandle> all = new ArrayList<>();
    process.descendants().forEach(all::add);
    all.add(process.toHandle());
    return all;
  }
}
