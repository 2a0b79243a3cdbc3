package io.quargo.core.expr;

import java.time.Clock;
import java.util.Objects;

/**
 * Limits and hooks for compiling and running expressions.
 *
 * @param maxDepth nesting limit for the parser; evaluated trees may be four times as tall (guards the Java stack)
 * @param maxTokens longest accepted source, in tokens
 * @param maxSteps evaluation budget per run: one step per node visited, plus the size of values built
 * @param functions resolves {@code sprig.*} and other host functions
 * @param clock what {@code now()} reads
 * @param allowUndefined unknown top-level names read as nil instead of failing
 */
public record ExprOptions(
    int maxDepth, int maxTokens, long maxSteps, FunctionRegistry functions, Clock clock, boolean allowUndefined) {

  public static final ExprOptions DEFAULT =
      new ExprOptions(128, 100_000, 1_000_000, FunctionRegistry.empty(), Clock.systemUTC(), false);

  public ExprOptions {
    Objects.requireNonNull(functions, "functions");
    Objects.requireNonNull(clock, "clock");
    if (maxDepth < 1 || maxTokens < 1 || maxSteps < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public ExprOptions withFunctions(FunctionRegistry f) {
    return new ExprOptions(maxDepth, maxTokens, maxSteps, f, clock, allowUndefined);
  }

  public ExprOptions withMaxSteps(long steps) {
    return new ExprOptions(maxDepth, maxTokens, steps, functions, clock, allowUndefined);
  }

  public ExprOptions withMaxDepth(int depth) {
    return new ExprOptions(depth, maxTokens, maxSteps, functions, clock, allowUndefined);
  }

  public ExprOptions withClock(Clock c) {
    return new ExprOptions(maxDepth, maxTokens, maxSteps, functions, c, allowUndefined);
  }

  public ExprOptions withAllowUndefined(boolean allow) {
    return new ExprOptions(maxDepth, maxTokens, maxSteps, functions, clock, allow);
  }
}
