package io.quargo.core.depends;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/**
 * Only DependsException may escape, and verdicts are sound. jqwik supplies the seeds and each seed drives
 * {@value #PER_SEED} inputs, so the main property checks 100,000 random inputs without the framework's per-try
 * cost dominating CI time; a failure names the seed and the input.
 */
class DependsPropertiesTest {
  static final int PER_SEED = 100;

  /** Secondary: 20,000 inputs (the soup is mostly parse errors, whose cost is stack capture). */
  @Property(tries = 200, generation = GenerationMode.RANDOMIZED)
  void randomTextNeverCrashes(@ForAll long seed) {
    RandomDepends r = new RandomDepends(seed);
    for (int i = 0; i < PER_SEED; i++) {
      String s = r.soup();
      try {
        DependsExpression e = DependsExpression.parse(s);
        e.verdict(r.states(false));
        e.expanded();
      } catch (DependsException e) {
        if (!e.getMessage().matches("(?s).* at \\d+:\\d+")) {
          throw new AssertionError("no position for <" + s + ">: " + e.getMessage());
        }
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("crash on <" + s + "> (seed " + seed + ")", e);
      }
    }
  }

  /** A TRUE/FALSE verdict on partial knowledge never changes once the unfinished tasks finish. */
  @Property(tries = 1_000, generation = GenerationMode.RANDOMIZED)
  void partialVerdictsAreSound(@ForAll long seed) {
    RandomDepends r = new RandomDepends(seed);
    for (int i = 0; i < PER_SEED; i++) {
      String expr = r.expression(4);
      Map<String, TaskState> partial = r.states(false);
      Map<String, TaskState> full = new HashMap<>(partial);
      r.states(true).forEach((task, state) -> {
        TaskState known = full.get(task);
        if (known == null || !known.fulfilled()) {
          full.put(task, state);
        }
      });
      check(expr, partial, full, seed);
    }
  }

  private static void check(String expr, Map<String, TaskState> partial, Map<String, TaskState> full, long seed) {
    DependsExpression e = DependsExpression.parse(expr);
    Verdict before = e.verdict(partial);
    Verdict after = e.verdict(full);
    String context = expr + " over " + partial + " then " + full + " (seed " + seed + ")";
    if (after == Verdict.UNKNOWN || e.evaluate(full) != (after == Verdict.TRUE)) {
      throw new AssertionError("complete knowledge must decide: " + context);
    }
    if (before != Verdict.UNKNOWN && before != after) {
      throw new AssertionError("partial verdict " + before + " changed to " + after + ": " + context);
    }
    if (DependsExpression.parse(e.expanded()).verdict(full) != after) {
      throw new AssertionError("expanded form disagrees: " + e.expanded() + " for " + context);
    }
  }
}
