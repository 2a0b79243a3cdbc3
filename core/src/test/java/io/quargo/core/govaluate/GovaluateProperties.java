package io.quargo.core.govaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No input may crash or hang govaluate: the only exception allowed is GovaluateException with a position. Each try
 * checks a batch of {@value #BATCH} inputs (the main property: 10,000 tries x 10 = 100,000 inputs) to keep the
 * framework's per-try overhead out of CI time.
 */
class GovaluateProperties {
  static final int BATCH = 10;
  private static final Pattern POSITIONED = Pattern.compile("(?s).* at \\d+:\\d+");
  private static final List<String> VOCABULARY = List.of(
      "a", "b", "s", "t", "f", "n", "list", "obj.Field", "heads", "1", "2.5", "0x1f", ".5", "'x'", "\"y\"",
      "'2021-01-01'", "true", "false", "in", "IN", "(", ")", ",", "==", "!=", "<", "<=", ">", ">=", "=~", "!~",
      "&&", "||", "!", "-", "+", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", "~", "?", ":", "??", "[a]",
      "'(a+'", "'^a.*$'", "@", "'");

  /** Secondary: 20,000 inputs; most are lexer errors. */
  @Property(tries = 2_000, generation = GenerationMode.RANDOMIZED)
  void randomCharactersNeverCrash(@ForAll("soup") List<String> batch) {
    batch.forEach(GovaluateProperties::exercise);
  }

  @Property(tries = 10_000, generation = GenerationMode.RANDOMIZED)
  void randomTokenSequencesNeverCrash(@ForAll("tokens") List<String> batch) {
    batch.forEach(GovaluateProperties::exercise);
  }

  /** Secondary: 20,000 inputs that mostly parse, so evaluation paths get exercised. */
  @Property(tries = 2_000, generation = GenerationMode.RANDOMIZED)
  void wellFormedExpressionsEvaluateDeterministically(@ForAll("wellFormed") List<String> batch) {
    for (String expr : batch) {
      Object first = outcome(expr);
      assertThat(outcome(expr)).isEqualTo(first);
    }
  }

  private static Object outcome(String expr) {
    try {
      Object v = GovaluateExpression.parse(expr, GovaluateMode.VARIABLES).evaluate(GovaluateGoldenTest.PARAMS);
      return v instanceof Double d && d.isNaN() ? "NaN" : v;
    } catch (GovaluateException e) {
      assertPositioned(e);
      return e.getMessage();
    }
  }

  private static void exercise(String expr) {
    for (GovaluateMode mode : GovaluateMode.values()) {
      try {
        GovaluateExpression.parse(expr, mode).evaluate(GovaluateGoldenTest.PARAMS);
      } catch (GovaluateException e) {
        assertPositioned(e);
      }
    }
  }

  private static void assertPositioned(GovaluateException e) {
    if (!POSITIONED.matcher(e.getMessage()).matches() || e.line() < 1 || e.column() < 1) {
      throw new AssertionError("error without a position: " + e.getMessage(), e);
    }
  }

  @Provide
  Arbitrary<List<String>> soup() {
    return Arbitraries.strings().withChars(" ()[],'\"\\.-+*/%&|^!~=<>?:@0123456789abnstfxINE_\t\n").ofMaxLength(60)
        .list().ofSize(BATCH);
  }

  @Provide
  Arbitrary<List<String>> tokens() {
    return Arbitraries.of(VOCABULARY).list().ofMaxSize(25).map(l -> String.join(" ", l)).list().ofSize(BATCH);
  }

  @Provide
  Arbitrary<List<String>> wellFormed() {
    return expression(4).list().ofSize(BATCH);
  }

  private Arbitrary<String> expression(int depth) {
    Arbitrary<String> leaf = Arbitraries.of("a", "b", "s", "t", "f", "n", "1", "0", "2.5", "'hello'", "'h.*'",
        "true", "false", "list", "(1, 2)");
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> expression(depth - 1));
    Arbitrary<String> op = Arbitraries.of("==", "!=", "<", ">=", "=~", "!~", "&&", "||", "+", "-", "*", "/",
        "%", "**", "&", "|", "<<", "in", "??", "?", ":");
    Arbitrary<String> binary = net.jqwik.api.Combinators.combine(sub, op, sub).as((l, o, r) -> l + " " + o + " " + r);
    Arbitrary<String> unary = net.jqwik.api.Combinators.combine(Arbitraries.of("!", "-", "~"), sub)
        .as((o, e) -> o + "(" + e + ")");
    Arbitrary<String> group = sub.map(e -> "(" + e + ")");
    return Arbitraries.oneOf(leaf, binary, unary, group);
  }
}
