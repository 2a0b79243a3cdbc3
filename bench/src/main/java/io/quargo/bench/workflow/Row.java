package io.quargo.bench.workflow;

import java.util.Locale;

/**
 * One line of {@link EngineBench}'s table: the engine's figures and the floor's, on one manifest. Per-node and
 * ratio columns use CPU time; {@code floorNanos} is the floor's CPU time.
 */
record Row(String shape, int tasks, int nodes, int reconciles, long engineNanos, long engineCpuNanos,
    long engineAllocated,
    long engineRetained, long floorNanos, long floorAllocated, String growth) {

  static final String HEADER = String.format(Locale.ROOT, "%-8s %7s %7s %6s %10s %10s %9s %12s %11s %11s %11s %16s",
      "shape", "tasks", "nodes", "recon", "wall ms", "cpu ms", "cpu us/n", "floor cpu ms", "engine/floor", "alloc KB/n",
      "heap KB/n", "floor alloc/task");

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%-8s %,7d %,7d %6d %10.1f %10.1f %9.1f %12.2f %11.0fx %11.1f %11.2f %14.0f B",
        shape, tasks, nodes, reconciles, engineNanos / 1e6, engineCpuNanos / 1e6, engineCpuNanos / 1e3 / nodes,
        floorNanos / 1e6, (double) engineCpuNanos / floorNanos, engineAllocated / 1024.0 / nodes, engineRetained / 1024.0 / nodes,
        (double) floorAllocated / tasks) + System.lineSeparator() + growth;
  }
}
