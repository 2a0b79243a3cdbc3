package io.quargo.bench.workflow;

import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.NodeType;
import io.quargo.workflow.engine.SyncLocks;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.local.LocalExecutor;
import io.quargo.workflow.run.RunObserver;
import io.quargo.workflow.run.Submission;
import io.quargo.workflow.run.WorkflowRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * N concurrent small workflows (two {@code echo} tasks, b after a) through the engine and the real
 * {@link LocalExecutor} (issue 4), against the same N x 2 launches done directly ({@link DirectLaunches}) at the same
 * concurrency, in the same JVM. Prints workflows per second for both and their ratio.
 *
 * <p>Usage: {@code LocalExecutorLoad [workflows=500] [rounds=3]}. Rounds alternate engine and baseline; the
 * median ratio is the figure to quote, as one round of either side can be hit by a neighbour's burst on a
 * shared machine.
 */
public final class LocalExecutorLoad {
  private static final int TASKS_PER_WORKFLOW = 2;

  private LocalExecutorLoad() {}

  public static void main(String[] args) throws Exception {
    BenchArgs in = new BenchArgs("LocalExecutorLoad", "LocalExecutorLoad [workflows=500] [rounds=3]", args);
    int workflows = in.count(0, "workflows", 500);
    int rounds = in.count(1, "rounds", 3);
    try {
      run(workflows, rounds);
    } catch (ExecutionException e) {
      BenchArgs.abort("LocalExecutorLoad", new IllegalStateException(String.valueOf(e.getCause()), e));
    }
  }

  private static void run(int workflows, int rounds) throws Exception {
    Path root = Files.createTempDirectory("quargo-bench-local");
    try (LocalExecutor executor = new LocalExecutor(root.resolve("executor"))) {
      Path direct = Files.createDirectories(root.resolve("direct"));
      concurrently(20, i -> runWorkflow(executor, "warm-" + i)); // JIT and first-launch costs out of the way
      concurrently(20, i -> launchDirect(direct));
      System.out.printf(Locale.ROOT, "%-6s %-34s %10s %12s %14s%n", "round", "what", "seconds", "workflows/s",
          "launches/s");
      List<Double> ratios = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        int round = r;
        double engine = concurrently(workflows, i -> runWorkflow(executor, "small-" + round + "-" + i));
        print(r, "engine + local executor", workflows, engine);
        double floor = concurrently(workflows, i -> launchDirect(direct));
        print(r, "direct ProcessBuilder (baseline)", workflows, floor);
        System.out.printf(Locale.ROOT, "%-6d ratio engine/baseline workflows/s: %.2f%n", r, floor / engine);
        ratios.add(floor / engine);
      }
      ratios.sort(null);
      System.out.printf(Locale.ROOT, "median ratio engine/baseline workflows/s over %d rounds: %.2f%n", rounds,
          ratios.get(ratios.size() / 2));
    } finally {
      deleteTree(root);
    }
  }

  private interface Job {
    void run(int index) throws Exception;
  }

  /** Starts {@code n} jobs on {@code n} threads at one moment; returns the seconds until the last one ended. */
  private static double concurrently(int n, Job job) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        done.add(pool.submit((Callable<Void>) () -> {
          gate.await();
          job.run(index);
          return null;
        }));
      }
      long t0 = System.nanoTime();
      gate.countDown();
      for (Future<?> f : done) {
        f.get(); // a failed workflow or launch fails the benchmark
      }
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runWorkflow(LocalExecutor executor, String name) throws InterruptedException {
    Clock clock = Clock.systemUTC();
    WorkflowRun run = Submission.prepare(WorkflowShapes.small(name), Map.of(), null, TemplateResolver.NONE,
        clock.instant());
    WorkflowEngine engine = new WorkflowEngine(TemplateResolver.NONE, new EngineSettings("bench", false),
        new SyncLocks());
    new WorkflowRunner(engine, executor, clock, RunObserver.NONE).run(run);
    long pods = run.nodes().stream().filter(n -> n.type == NodeType.Pod).count();
    if (!"Succeeded".equals(run.phase) || pods != TASKS_PER_WORKFLOW) {
      throw new IllegalStateException(name + " ended " + run.phase + " (" + run.message + ") with " + pods
          + " pods instead of " + TASKS_PER_WORKFLOW);
    }
  }

  private static void launchDirect(Path dir) throws IOException, InterruptedException {
    DirectLaunches.run(TASKS_PER_WORKFLOW, dir);
  }

  private static void print(int round, String what, int workflows, double seconds) {
    System.out.printf(Locale.ROOT, "%-6d %-34s %10.2f %12.1f %14.1f%n", round, what, seconds, workflows / seconds,
        workflows * TASKS_PER_WORKFLOW / seconds);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
