package io.quargo.core.govaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GovaluateExpressionTest {

  @Test
  void errorNamesLineColumnAndReason() {
    assertThatThrownBy(() -> GovaluateExpression.parse("(a == b) && c)", GovaluateMode.BARE_WORDS_ARE_STRINGS))
        .isInstanceOf(GovaluateException.class)
        .hasMessage("unbalanced parenthesis: unexpected ')' at 1:14")
        .satisfies(e -> {
          GovaluateException g = (GovaluateException) e;
          assertThat(g.line()).isEqualTo(1);
          assertThat(g.column()).isEqualTo(14);
        });
  }

  @Test
  void positionsCountLines() {
    assertThatThrownBy(() -> GovaluateExpression.parse("a == b &&\n  c @ d", GovaluateMode.BARE_WORDS_ARE_STRINGS))
        .hasMessage("invalid token '@' at 2:5");
  }

  @Test
  void parseOnceEvaluateMany() {
    GovaluateExpression e = GovaluateExpression.parse("x > 5 && kind =~ '^push'", GovaluateMode.VARIABLES);
    assertThat(e.variables()).containsExactly("x", "kind");
    assertThat(e.evaluate(Map.of("x", 6, "kind", "push-event"))).isEqualTo(true);
    assertThat(e.evaluate(Map.of("x", 4, "kind", "push-event"))).isEqualTo(false);
    assertThat(e.evaluate(Map.of("x", 6.5, "kind", "pull"))).isEqualTo(false);
  }

  @Test
  void bareWordsModeHasNoVariables() {
    assertThat(GovaluateExpression.parse("a == b", GovaluateMode.BARE_WORDS_ARE_STRINGS).variables()).isEmpty();
  }

  @Test
  void evaluateBooleanRejectsNonBoolean() {
    GovaluateExpression e = GovaluateExpression.parse("1 + 1", GovaluateMode.VARIABLES);
    assertThatThrownBy(() -> e.evaluateBoolean(Map.of()))
        .isInstanceOf(GovaluateException.class)
        .hasMessageContaining("expected a boolean result for '1 + 1', got number '2'");
  }

  @Test
  void argoWhenSubstitutedResults() {
    assertThat(ArgoWhen.shouldExecute("heads == heads")).isTrue();
    assertThat(ArgoWhen.shouldExecute("tails == heads")).isFalse();
    assertThat(ArgoWhen.shouldExecute("8 > 5")).isTrue();
    assertThat(ArgoWhen.shouldExecute("")).isTrue();
    assertThat(ArgoWhen.shouldExecute("Succeeded != Failed && 3 < 10")).isTrue();
    assertThat(ArgoWhen.shouldExecute("'Hello World' =~ 'World'")).isTrue();
  }

  @Test
  void argoWhenUnquotedValueWithSpaceFailsAsInArgo() {
    assertThatThrownBy(() -> ArgoWhen.shouldExecute("Hello World =~ 'World'"))
        .hasMessageContaining("unexpected token World")
        .hasMessageEndingWith("at 1:7");
  }

  @Test
  void argoWhenParseErrorHintsAtQuoting() {
    assertThatThrownBy(() -> ArgoWhen.shouldExecute("it's == x"))
        .isInstanceOf(GovaluateException.class)
        .hasMessageContaining("invalid 'when' expression")
        .hasMessageContaining("hint: try wrapping the affected expression in quotes")
        .hasMessageEndingWith("at 1:3");
  }

  @Test
  void argoWhenNonBooleanIsAnError() {
    assertThatThrownBy(() -> ArgoWhen.shouldExecute("hello"))
        .isInstanceOf(GovaluateException.class)
        .hasMessageContaining("expected a boolean result");
  }

  @Test
  void catastrophicRegexIsAnErrorNotAHang() {
    String subject = "a".repeat(40) + "!";
    // Takes seconds without the read budget on a JDK 25 backtracking matcher.
    GovaluateExpression e = GovaluateExpression.parse("s =~ '(.*a){12}b'", GovaluateMode.VARIABLES);
    assertThatThrownBy(() -> e.evaluate(Map.of("s", subject)))
        .isInstanceOf(GovaluateException.class)
        .hasMessageContaining("too expensive");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
    assertThatThrownBy(() -> GovaluateExpression.parse(deep, GovaluateMode.VARIABLES))
        .isInstanceOf(GovaluateException.class)
        .hasMessageContaining("nested too deeply");
    String prefixes = "! ".repeat(100_000) + "true";
    assertThatThrownBy(() -> GovaluateExpression.parse(prefixes, GovaluateMode.VARIABLES))
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void longFlatChainsAreFineUpToTheDepthBound() {
    String chain = "1" + " + 1".repeat(150);
    assertThat(GovaluateExpression.parse(chain, GovaluateMode.VARIABLES).evaluate(Map.of())).isEqualTo(151.0);
    String huge = "1" + " + 1".repeat(50_000);
    assertThatThrownBy(() -> GovaluateExpression.parse(huge, GovaluateMode.VARIABLES))
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void integersFromCallersCompareEqualToLiterals() {
    GovaluateExpression e = GovaluateExpression.parse("a == 3 && b == 3", GovaluateMode.VARIABLES);
    assertThat(e.evaluate(Map.of("a", 3, "b", 3L))).isEqualTo(true);
    assertThat(e.evaluate(Map.of("a", 3, "b", new java.math.BigDecimal("3.0")))).isEqualTo(true);
  }
}
