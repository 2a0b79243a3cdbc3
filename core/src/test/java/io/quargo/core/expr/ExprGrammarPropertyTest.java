package io.quargo.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Well-formed expressions from a small grammar, so evaluation (not just parsing) gets exercised:
 * every run ends in a value or an {@link ExprException}, and the same program on the same input
 * gives the same outcome twice (no hidden state between runs).
 */
class ExprGrammarPropertyTest {
  private static final ExprOptions OPTIONS = ExprOptions.DEFAULT.withMaxSteps(20_000);
  private static final Map<String, Object> ENV;

  static {
    try {
      ENV = Map.of("a", 3L, "b", -2.5, "s", "Hello", "t", true, "n", List.of(1L, 2L, 3L),
          "m", Map.of("k", "v", "list", List.of(Map.of("x", 1L), Map.of("x", 2L))),
          "j", new ObjectMapper().readTree("{\"id\": 4, \"items\": [{\"p\": 1.5}, {\"p\": 3}], \"none\": null}"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<String> ATOMS = List.of("1", "0", "-7", "2.5", "1e3", "'x'", "\"Hello\"", "`r`",
      "true", "false", "nil", "a", "b", "s", "t", "n", "m", "m.k", "m.list", "j", "j.id", "j.items", "j.none",
      "m.nope", "j?.none?.x", "[1, 2, 3]", "{k: 1}", "[]", "1..4");
  private static final List<String> BINARY = List.of("+", "-", "*", "/", "%", "**", "==", "!=", "<", ">",
      "<=", ">=", "&&", "||", "and", "or", "in", "not in", "contains", "startsWith", "endsWith", "matches",
      "??", "..");
  private static final List<String> UNARY = List.of("-", "!", "not ");
  private static final List<String> CALLS1 = List.of("len", "string", "int", "float", "type", "toJSON",
      "toJson", "upper", "trim", "first", "last", "keys", "values", "sum", "max", "abs", "sort", "reverse",
      "uniq", "flatten", "fromJSON", "toBase64", "duration", "date", "asInt");
  private static final List<String> PREDICATES = List.of("all", "any", "none", "one", "filter", "map", "count",
      "find", "findIndex", "groupBy", "sortBy", "sum");
  private static final List<String> INNER = List.of("#", "# > 1", "# + 1", ".x", "#index", "string(#)", "# == nil");

  @Property(tries = 5_000)
  void wellFormedExpressionsEvaluateDeterministically(@ForAll("expression") String source) {
    String first = outcome(source);
    Statistics.collect(first.startsWith("value") ? "value" : "error");
    assertThat(first).doesNotContain("internal error");
    assertThat(outcome(source)).isEqualTo(first);
  }

  private static String outcome(String source) {
    try {
      return "value " + GoFormat.format(Expr.compile(source, OPTIONS).run(ENV));
    } catch (ExprException e) {
      return "error " + e.getMessage();
    }
  }

  @Provide
  Arbitrary<String> expression() {
    return expr(4);
  }

  private Arbitrary<String> expr(int depth) {
    Arbitrary<String> atom = Arbitraries.of(ATOMS);
    if (depth == 0) {
      return atom;
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> expr(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, atom),
        net.jqwik.api.Tuple.of(4, net.jqwik.api.Combinators.combine(sub, Arbitraries.of(BINARY), sub)
            .as((l, op, r) -> l + " " + op + " " + r)),
        net.jqwik.api.Tuple.of(1, net.jqwik.api.Combinators.combine(Arbitraries.of(UNARY), sub)
            .as((op, e) -> op + e)),
        net.jqwik.api.Tuple.of(1, sub.map(e -> "(" + e + ")")),
        net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(Arbitraries.of(CALLS1), sub)
            .as((f, e) -> f + "(" + e + ")")),
        net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(Arbitraries.of(PREDICATES), sub,
            Arbitraries.of(INNER)).as((f, e, p) -> f + "(" + e + ", " + p + ")")),
        net.jqwik.api.Tuple.of(1, net.jqwik.api.Combinators.combine(sub, sub, sub)
            .as((c, x, y) -> c + " ? " + x + " : " + y)),
        net.jqwik.api.Tuple.of(1, net.jqwik.api.Combinators.combine(sub, sub)
            .as((x, i) -> x + "[" + i + "]")),
        net.jqwik.api.Tuple.of(1, sub.map(e -> e + " | len()")));
  }
}
