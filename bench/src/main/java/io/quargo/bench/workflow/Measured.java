package io.quargo.bench.workflow;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/**
 * One measured run on the calling thread: wall time, bytes allocated by this thread (everything the engine does
 * runs here, the instant executor included), and the heap still held by the result once the GC has settled.
 *
 * @param nanos     wall time of the run
 * @param cpuNanos  CPU time of the calling thread during the run: on a shared machine the steadier figure, as
 *                  time spent waiting for a core is left out (GC threads are left out too)
 * @param allocated bytes allocated by the thread during the run (garbage included)
 * @param retained  used heap after the run minus before, both after full GCs, with the result still reachable
 */
record Measured<T>(T result, long nanos, long cpuNanos, long allocated, long retained) {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static <T> Measured<T> of(Supplier<T> work) {
    long before = settledHeap();
    long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    T result = work.get();
    long nanos = System.nanoTime() - t0;
    long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu0;
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - alloc0;
    long after = settledHeap();
    Reference.reachabilityFence(result);
    return new Measured<>(result, nanos, cpuNanos, allocated, Math.max(0, after - before));
  }

  /** Used heap after GCs until it stops shrinking (System.gc() is a request; a few rounds make it settle). */
  static long settledHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = MEMORY.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }
}
