package io.quargo.core.lua;

/**
 * Bounds for one script run.
 *
 * @param instructions Lua VM instructions allowed (CPU bound)
 * @param allocatedBytes bytes the run may allocate on its thread (memory bound, checked every few instructions)
 * @param maxStringBytes largest string {@code string.rep} may build in one call
 */
public record LuaLimits(long instructions, long allocatedBytes, int maxStringBytes) {
  /** Generous for health checks and event filters, small enough to stop loops and growth quickly. */
  public static final LuaLimits DEFAULT = new LuaLimits(1_000_000, 64L << 20, 1 << 20);

  public LuaLimits {
    if (instructions <= 0 || allocatedBytes <= 0 || maxStringBytes <= 0) {
      throw new IllegalArgumentException("Lua limits must be positive");
    }
  }
}
