package io.quargo.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs core/src/test/resources/expr/golden.txt: expressions with their documented expr-lang results. */
class ExprGoldenTest {
  static final String TABLE = "/expr/golden.txt";
  static final ExprOptions OPTIONS = ExprOptions.DEFAULT
      .withClock(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC))
      .withFunctions(FunctionRegistry.namespaced("sprig", FunctionRegistry.of(Map.of(
          "upper", args -> ((String) args.get(0)).toUpperCase(),
          "add", args -> (Long) args.get(0) + (Long) args.get(1)))));

  static Stream<GoldenCase> cases() {
    return GoldenTable.load(TABLE).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesDocumentedResult(GoldenCase c) {
    if (c.expectsError()) {
      assertThatThrownBy(() -> Expr.compile(c.expression(), OPTIONS).run(c.env()))
          .isInstanceOf(ExprException.class)
          .hasMessageContaining(c.expected().substring(1));
      return;
    }
    Object actual;
    try {
      actual = Expr.compile(c.expression(), OPTIONS).run(c.env());
    } catch (ExprException e) {
      fail("unexpected error: " + e.getMessage());
      return;
    }
    if (c.expected().startsWith("~")) {
      assertThat(GoFormat.format(actual)).isEqualTo(c.expected().substring(1));
      return;
    }
    Object expected = GoldenTable.toJava(GoldenTable.read(c.expected()));
    assertThat(GoldenTable.strictlyEqual(expected, actual))
        .as("expected %s (%s) but got %s (%s)", c.expected(), Values.typeName(expected),
            GoFormat.format(actual), Values.typeName(actual))
        .isTrue();
  }

  @Test
  void tableIsLargeEnough() {
    List<GoldenCase> all = GoldenTable.load(TABLE);
    assertThat(all).hasSizeGreaterThanOrEqualTo(300);
    assertThat(all.stream().filter(GoldenCase::expectsError).count()).isGreaterThanOrEqualTo(40);
  }
}
