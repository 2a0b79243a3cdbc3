package io.quargo.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * Fuzzing: random text and random token soup through compile + run. The only acceptable failure is
 * an {@link ExprException} that is not an "internal error" (our catch-all for bugs).
 */
class ExprPropertyTest {
  private static final ExprOptions OPTIONS = ExprOptions.DEFAULT.withMaxSteps(20_000)
      .withFunctions(FunctionRegistry.of(Map.of("sprig.id", args -> args.isEmpty() ? null : args.get(0))));

  private static final Map<String, Object> ENV = Map.of(
      "a", 1L, "b", 2.5, "s", "str", "t", true, "n", List.of(1L, 2L, 3L),
      "m", Map.of("k", "v", "n", List.of(Map.of("x", 1L))), "steps", Map.of("a-b", Map.of("outputs", Map.of())));

  private static final List<String> TOKENS = List.of(
      "1", "0", "-1", "2.5", ".5", "1e3", "0x1F", "9223372036854775807", "'s'", "\"x\\n\"", "`raw`", "true",
      "false", "nil", "a", "b", "s", "t", "n", "m", "steps", "$env", "#", "#index", "#acc", ".k", "k",
      "+", "-", "*", "/", "%", "**", "^", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "and", "or",
      "not", "in", "not in", "matches", "contains", "startsWith", "endsWith", "..", "?", ":", "??", "?.",
      ".", ",", "(", ")", "[", "]", "{", "}", "|", ";", "let x =", "x", "len(", "map(", "filter(", "all(",
      "any(", "count(", "reduce(", "sum(", "sortBy(", "groupBy(", "find(", "string(", "int(", "float(",
      "toJSON(", "toJson(", "fromJSON(", "split(", "join(", "upper(", "repeat(", "replace(", "keys(",
      "values(", "first(", "last(", "abs(", "max(", "min(", "now()", "duration(", "date(", "jsonpath(",
      "asInt(", "asFloat(", "sprig.id(", "sprig.nope(", "type(", "sort(", "flatten(", "uniq(", "'.*'",
      "'(a+)+$'", "'$.k'", "'1h'", "[1, 2]", "{k: 1}", "'{\"k\": [1]}'");

  @Property(tries = 100_000, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.FULL)
  void randomTokenSequencesNeverEscapeAsJavaExceptions(@ForAll("tokenSoup") String source) {
    assertOnlyExprExceptions(source);
  }

  @Property(tries = 100_000, edgeCases = EdgeCasesMode.MIXIN)
  void randomTextNeverEscapesAsJavaExceptions(@ForAll("text") String source) {
    assertOnlyExprExceptions(source);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(24).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> text() {
    // Mostly expr's own characters, so inputs get past the lexer; some arbitrary Unicode too.
    Arbitrary<String> exprChars =
        Arbitraries.strings().withChars("abnst#.()[]{}'\"`\\|?:!<>=+-*/%^&,;$ 019ex_").ofMaxLength(40);
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
    return Arbitraries.frequencyOf(Tuple.of(9, exprChars), Tuple.of(1, anyChars));
  }

  static void assertOnlyExprExceptions(String source) {
    try {
      Expr.compile(source, OPTIONS).run(ENV);
    } catch (ExprException e) {
      assertThat(e.getMessage()).doesNotContain("internal error");
      assertThat(e.line()).isPositive();
      assertThat(e.column()).isPositive();
    }
  }
}
