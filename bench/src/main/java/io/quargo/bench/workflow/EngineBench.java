package io.quargo.bench.workflow;

import io.quargo.core.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The engine with an instant executor (issue 4): a layered DAG at several sizes and a 1,000-way fan-out, each
 * against {@link TopologicalBaseline} on the same manifest in the same JVM. Prints engine wall and CPU time, CPU
 * time per node, the engine/floor CPU-time ratio, bytes allocated per node and heap retained per node. CPU time of
 * the one thread that runs everything is the figure to compare: the machine is shared, wall time is not steady.
 *
 * <p>Usage: {@code EngineBench [dagSizes=1000,2000,5000,10000] [fanOut=1000] [budgetSeconds=90]}. A size whose
 * projected time (from the scaling seen so far) would overrun the budget is reported as not run, never guessed.
 */
public final class EngineBench {
  private static final int FLOOR_REPS = 5;

  private EngineBench() {}

  public static void main(String[] args) {
    BenchArgs in = new BenchArgs("EngineBench", "EngineBench [dagSizes=1000,2000,5000,10000] [fanOut=1000] "
        + "[budgetSeconds=90]", args);
    int[] sizes = in.counts(0, "dagSizes", "1000,2000,5000,10000");
    int fanOut = in.count(1, "fanOut", 1000);
    long deadline = System.nanoTime() + (long) (in.seconds(2, "budgetSeconds", 90) * 1e9);
    try {
      run(sizes, fanOut, deadline);
    } catch (IllegalStateException e) {
      BenchArgs.abort("EngineBench", e);
    }
  }

  private static void run(int[] sizes, int fanOut, long deadline) {
    warmUp();
    System.out.println(Row.HEADER);
    Row fan = measure("fan-out", fanOut, w -> WorkflowShapes.fanOut("fan-" + w, w));
    System.out.println(fan);
    List<Row> rows = new ArrayList<>();
    for (int size : sizes) {
      double projected = project(rows, size);
      if (System.nanoTime() + projected > deadline) {
        System.out.printf(Locale.ROOT, "dag %,d tasks: not run, projected %.0f s from the scaling above exceeds "
            + "the budget (pass a larger budgetSeconds to run it)%n", size, projected / 1e9);
        continue;
      }
      Row row = measure("dag", size, n -> WorkflowShapes.layeredDag("dag-" + n, n));
      rows.add(row);
      System.out.println(row);
    }
    System.out.println(scaling(rows));
  }

  /**
   * JIT warm-up of both paths on the first measured shapes, so the first row is not mostly interpreter and
   * compiler time (with smaller warm-ups the 1,000-task row came out slower per node than the 2,000-task one).
   */
  private static void warmUp() {
    Resource dag = WorkflowShapes.layeredDag("warm-dag", 1000);
    EngineRuns.engine(dag, 1000);
    Resource fan = WorkflowShapes.fanOut("warm-fan", 1000);
    EngineRuns.engine(fan, 1000);
    for (int i = 0; i < 20; i++) {
      EngineRuns.baseline(dag, 1000);
      EngineRuns.baseline(fan, 1000);
    }
  }

  private static Row measure(String shape, int tasks, IntFunction<Resource> build) {
    Resource wf = build.apply(tasks);
    Measured<EngineRuns.EngineOutcome> engine = Measured.of(() -> EngineRuns.engine(wf, tasks));
    Measured<Integer> floor = null;
    long floorNanos = Long.MAX_VALUE;
    for (int i = 0; i < FLOOR_REPS; i++) { // the floor is fast and noisy: keep its best of a few
      Measured<Integer> m = Measured.of(() -> EngineRuns.baseline(wf, tasks));
      if (m.cpuNanos() < floorNanos) {
        floorNanos = m.cpuNanos();
        floor = m;
      }
    }
    return new Row(shape, tasks, engine.result().run().nodes().size(), engine.result().reconciles().size(),
        engine.nanos(), engine.cpuNanos(), engine.allocated(), engine.retained(), floor.cpuNanos(),
        floor.allocated(),
        reconcileGrowth(engine.result().reconciles()));
  }

  /**
   * How one reconcile's cost grows with the nodes already in the tree: the first and last quarter of the
   * reconciles, average milliseconds and average node count (the evidence behind the scaling, see the docs).
   */
  private static String reconcileGrowth(List<long[]> reconciles) {
    int quarter = Math.max(1, reconciles.size() / 4);
    return String.format(Locale.ROOT, "  reconciles (wall): first %d avg %.0f ms at %.0f nodes; last %d avg %.0f ms at %.0f "
        + "nodes", quarter, avg(reconciles.subList(0, quarter), 1) / 1e6, avg(reconciles.subList(0, quarter), 0),
        quarter, avg(reconciles.subList(reconciles.size() - quarter, reconciles.size()), 1) / 1e6,
        avg(reconciles.subList(reconciles.size() - quarter, reconciles.size()), 0));
  }

  private static double avg(List<long[]> rows, int column) {
    return rows.stream().mapToLong(r -> r[column]).average().orElse(0);
  }

  /**
   * Time for {@code size} from the last two rows' exponent (time ~ n^k), never below k = 2: at a fixed layer
   * width the reconciles grow with n and each costs more with every node already made, so the DAG is at least
   * quadratic (measured 1k to 5k: k = 2.2); a noisy pair of small rows must not make a huge size look cheap.
   * With one row, quadratic from it; with none, 0.
   */
  static double project(List<Row> rows, int size) {
    if (rows.isEmpty()) {
      return 0;
    }
    if (rows.size() == 1) {
      return rows.get(0).engineCpuNanos() * Math.pow((double) size / rows.get(0).tasks(), 2);
    }
    Row a = rows.get(rows.size() - 2);
    Row b = rows.get(rows.size() - 1);
    double k = Math.log((double) b.engineCpuNanos() / a.engineCpuNanos()) / Math.log((double) b.tasks() / a.tasks());
    return b.engineCpuNanos() * Math.pow((double) size / b.tasks(), Math.max(2, k));
  }

  private static String scaling(List<Row> rows) {
    StringBuilder out = new StringBuilder("scaling (engine CPU time ~ tasks^k between consecutive sizes):");
    for (int i = 1; i < rows.size(); i++) {
      Row a = rows.get(i - 1);
      Row b = rows.get(i);
      double k = Math.log((double) b.engineCpuNanos() / a.engineCpuNanos()) / Math.log((double) b.tasks() / a.tasks());
      out.append(String.format(Locale.ROOT, " %,d->%,d k=%.2f;", a.tasks(), b.tasks(), k));
    }
    return out.toString();
  }
}
