package io.quargo.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Mutable state of one evaluation: environment, step budget, predicate frames and let slots. */
final class EvalContext {
  /** The current element, index and accumulator of one predicate ({@code #}, {@code #index}, {@code #acc}). */
  static final class Frame {
    Object item;
    long index;
    Object acc;
  }

  final Map<String, ?> env;
  final ExprOptions options;
  final Object[] lets;
  private final long budget;
  private long steps;
  private final List<Frame> frames = new ArrayList<>(4);
  private int depth;

  EvalContext(Map<String, ?> env, ExprOptions options, int letSlots) {
    this.env = env;
    this.options = options;
    this.lets = new Object[letSlots];
    this.budget = options.maxSteps();
    this.steps = budget;
  }

  void tick() {
    if (--steps < 0) {
      throw new EvalFailure("evaluation step budget of " + budget + " exceeded");
    }
  }

  /** Charges work proportional to a value being built or scanned (strings, ranges, regex input). */
  void charge(long amount) {
    steps -= Math.max(0, amount);
    if (steps < 0) {
      throw new EvalFailure("evaluation step budget of " + budget + " exceeded");
    }
  }

  /** Charges regex input reads to the step budget, one step per 64 characters read. */
  io.quargo.core.text.MeteredChars.Meter regexMeter() {
    int[] reads = {0};
    return () -> {
      if (++reads[0] == 64) {
        reads[0] = 0;
        charge(1);
      }
    };
  }

  Frame push() {
    if (depth == frames.size()) {
      frames.add(new Frame());
    }
    Frame f = frames.get(depth++);
    f.item = null;
    f.index = 0;
    f.acc = null;
    return f;
  }

  void pop() {
    depth--;
  }

  Frame top() {
    if (depth == 0) {
      throw new EvalFailure("# used outside of a predicate");
    }
    return frames.get(depth - 1);
  }
}
