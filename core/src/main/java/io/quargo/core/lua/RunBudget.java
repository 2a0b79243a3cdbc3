package io.quargo.core.lua;

import java.lang.management.ManagementFactory;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * LuaJ calls {@code onInstruction} before every VM instruction once a DebugLib is installed; counting there bounds
 * CPU, and sampling the thread's allocation counter every few instructions bounds memory growth such as
 * {@code s = s .. s} in a loop. Exceeding either throws an Error, which Lua's pcall cannot swallow.
 */
final class RunBudget extends DebugLib {
  /** Allocation is sampled this often; a doubling string grows at most 2^(8/3)x between samples. */
  private static final int SAMPLE_EVERY = 8;
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private final LuaLimits limits;
  private final long allocatedAtStart;
  private long executed;

  RunBudget(LuaLimits limits) {
    this.limits = limits;
    this.allocatedAtStart = allocated();
  }

  @Override
  public void onInstruction(int pc, Varargs v, int top) {
    if (++executed > limits.instructions()) {
      throw new Exceeded("script exceeded its budget of " + limits.instructions() + " instructions");
    }
    if (executed % SAMPLE_EVERY == 0 && THREADS != null
        && allocated() - allocatedAtStart > limits.allocatedBytes()) {
      throw new Exceeded("script exceeded its memory budget of " + limits.allocatedBytes() + " bytes");
    }
  }

  private static long allocated() {
    return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
  }

  private static com.sun.management.ThreadMXBean threads() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()) {
      t.setThreadAllocatedMemoryEnabled(true);
      return t;
    }
    return null;
  }

  /** An Error, not a RuntimeException: LuaJ's pcall catches Exceptions, and a budget must not be catchable. */
  static final class Exceeded extends Error {
    Exceeded(String message) {
      super(message, null, false, false);
    }
  }
}
