package io.quargo.core.expr;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

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
      "1", "0", "-1", "2.5", ".5", "1e3", "0x1F", "9223372036854775807", "(-9223372036854775807 - 1)", "'s'", "\"x\\n\"", "`raw`", "true",
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

  /** Token indexes are drawn as characters: jqwik's string generator is far cheaper than lists. */
  @Provide
  Arbitrary<String> tokenSoup() {
    char first = '\u0100';
    return Arbitraries.strings().withCharRange(first, (char) (first + TOKENS.size() - 1)).ofMaxLength(24)
        .map(codes -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < codes.length(); i++) {
            sb.append(i == 0 ? "" : " ").append(TOKENS.get(codes.charAt(i) - first));
          }
          return sb.toString();
        });
  }

  /** Mostly expr's own characters, so inputs get past the lexer; a few exotic ones (NUL, lone and paired surrogates, U+2028). */
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withChars("abnst#.()[]{}'\"`\\|?:!<>=+-*/%^&,;$ 019ex_\n\t\u0000\u00e9\u2028\ud800\udc00\uffff\u00a0")
        .ofMaxLength(40);
  }

  static void assertOnlyExprExceptions(String source) {
    try {
      Expr.compile(source, OPTIONS).run(ENV);
    } catch (ExprException e) {
      // Plain checks: an AssertJ chain per input would dominate the run time of 100k tries.
      if (e.getMessage().contains("internal error") || e.line() < 1 || e.column() < 1) {
        throw new AssertionError("bad failure for <" + source + ">: " + e.getMessage(), e);
      }
    }
  }
}
