package io.quargo.core.jq;

/**
 * Counts values emitted by jq builtins during one run, per thread (jackson-jq runs synchronously on the caller's
 * thread). Every generator - range, recurse, limit, paths, ... - emits through a builtin, so an unbounded one
 * runs out of budget instead of running forever or filling the heap.
 */
final class JqBudget {
  private static final ThreadLocal<long[]> REMAINING = new ThreadLocal<>();

  private JqBudget() {}

  static void start(long steps) {
    REMAINING.set(new long[] {steps});
  }

  static void stop() {
    REMAINING.remove();
  }

  static void tick() {
    long[] left = REMAINING.get();
    if (left != null && --left[0] < 0) {
      throw new StepBudgetExceeded();
    }
  }

  /** Unchecked so it passes through jackson-jq's own catch blocks for JsonQueryException. */
  static final class StepBudgetExceeded extends RuntimeException {
    StepBudgetExceeded() {
      super("step budget exceeded", null, false, false);
    }
  }
}
