package io.quargo.core.govaluate;

import java.util.Objects;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/**
 * No input may crash or hang govaluate: the only exception allowed is GovaluateException with a position. jqwik
 * supplies seeds and each seed drives {@value #PER_SEED} inputs (the main property: 1,000 x 100 = 100,000), so
 * the framework's per-try cost stays out of CI time; a failure names the seed and the input.
 */
class GovaluatePropertiesTest {
  static final int PER_SEED = 100;
  private static final Pattern POSITIONED = Pattern.compile("(?s).* at \\d+:\\d+");

  @Property(tries = 1_000, generation = GenerationMode.RANDOMIZED)
  void randomTokenSequencesNeverCrash(@ForAll long seed) {
    RandomGovaluate r = new RandomGovaluate(seed);
    for (int i = 0; i < PER_SEED; i++) {
      exercise(r.tokens(), seed);
    }
  }

  /** Secondary: 20,000 inputs; most are lexer errors. */
  @Property(tries = 200, generation = GenerationMode.RANDOMIZED)
  void randomCharactersNeverCrash(@ForAll long seed) {
    RandomGovaluate r = new RandomGovaluate(seed);
    for (int i = 0; i < PER_SEED; i++) {
      exercise(r.soup(), seed);
    }
  }

  /** Secondary: 20,000 inputs that mostly parse, so evaluation paths get exercised. */
  @Property(tries = 200, generation = GenerationMode.RANDOMIZED)
  void wellFormedExpressionsEvaluateDeterministically(@ForAll long seed) {
    RandomGovaluate r = new RandomGovaluate(seed);
    for (int i = 0; i < PER_SEED; i++) {
      String expr = r.wellFormed(4);
      Object first = outcome(expr, seed);
      if (!Objects.equals(first, outcome(expr, seed))) {
        throw new AssertionError("two evaluations of <" + expr + "> differ (seed " + seed + ")");
      }
    }
  }

  private static Object outcome(String expr, long seed) {
    try {
      Object v = GovaluateExpression.parse(expr, GovaluateMode.VARIABLES).evaluate(GovaluateGoldenTest.PARAMS);
      return v instanceof Double d && d.isNaN() ? "NaN" : v;
    } catch (GovaluateException e) {
      assertPositioned(e, expr);
      return e.getMessage();
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("crash on <" + expr + "> (seed " + seed + ")", e);
    }
  }

  private static void exercise(String expr, long seed) {
    for (GovaluateMode mode : GovaluateMode.values()) {
      try {
        GovaluateExpression.parse(expr, mode).evaluate(GovaluateGoldenTest.PARAMS);
      } catch (GovaluateException e) {
        assertPositioned(e, expr);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("crash on <" + expr + "> in " + mode + " (seed " + seed + ")", e);
      }
    }
  }

  private static void assertPositioned(GovaluateException e, String expr) {
    if (!POSITIONED.matcher(e.getMessage()).matches() || e.line() < 1 || e.column() < 1) {
      throw new AssertionError("error without a position for <" + expr + ">: " + e.getMessage(), e);
    }
  }
}
