package io.quargo.bench.workflow;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How deep a DAG the engine can run: chains of N tasks (each after the one before) through the engine and the
 * instant executor, on a thread with a given stack size (1 MB is the JVM's default for new threads on Linux x64).
 * The engine recurses along {@code depends}, one frame per level, so a deep enough chain ends in
 * {@link StackOverflowError}; this prints, per length, whether the run succeeded, its wall time and reconcile
 * count, or which method filled the stack. The JIT matters: interpreted frames are larger, so a cold JVM overflows
 * at a smaller depth than a warm one; lengths run in the order given, in one JVM.
 *
 * <p>Usage: {@code ChainDepth [lengths=500,1000,2000] [stackKb=1024]}.
 */
public final class ChainDepth {
  private ChainDepth() {}

  public static void main(String[] args) throws InterruptedException {
    BenchArgs in = new BenchArgs("ChainDepth", "ChainDepth [lengths=500,1000,2000] [stackKb=1024]", args);
    int[] lengths = in.counts(0, "lengths", "500,1000,2000");
    int stackKb = in.count(1, "stackKb", 1024);
    for (int n : lengths) {
      System.out.println(runOn(n, stackKb));
    }
  }

  private static String runOn(int tasks, int stackKb) throws InterruptedException {
    AtomicReference<String> outcome = new AtomicReference<>();
    Thread t = new Thread(null, () -> outcome.set(attempt(tasks, stackKb)), "chain-" + tasks, stackKb * 1024L);
    t.start();
    t.join();
    return outcome.get();
  }

  private static String attempt(int tasks, int stackKb) {
    long t0 = System.nanoTime();
    try {
      EngineRuns.EngineOutcome o = EngineRuns.engine(WorkflowShapes.chain("chain-" + tasks, tasks), tasks);
      return String.format(Locale.ROOT, "chain %,d tasks, %d KB stack: %s in %.1f s, %d reconciles", tasks,
          stackKb, o.run().phase, (System.nanoTime() - t0) / 1e9, o.reconciles().size());
    } catch (StackOverflowError e) {
      return String.format(Locale.ROOT, "chain %,d tasks, %d KB stack: StackOverflowError after %.1f s (%s)", tasks,
          stackKb, (System.nanoTime() - t0) / 1e9, mostFrames(e.getStackTrace()));
    } catch (IllegalStateException e) {
      return String.format(Locale.ROOT, "chain %,d tasks, %d KB stack: run failed: %s", tasks, stackKb,
          e.getMessage());
    }
  }

  /** The method with most frames in the (possibly truncated) trace: the one whose recursion filled the stack. */
  private static String mostFrames(StackTraceElement[] trace) {
    Map<String, Integer> counts = new HashMap<>();
    for (StackTraceElement f : trace) {
      counts.merge(f.getClassName() + "." + f.getMethodName(), 1, Integer::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(m -> m.getKey() + " x" + m.getValue() + " of " + trace.length + " recorded frames").orElse("no trace");
  }
}
