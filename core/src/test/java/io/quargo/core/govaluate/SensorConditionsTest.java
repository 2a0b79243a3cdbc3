package io.quargo.core.govaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SensorConditionsTest {

  @Test
  void hyphenatedDependencyNames() {
    SensorConditions c = SensorConditions.parse("dep-a && (dep-b || dep_c)");
    assertThat(c.dependencies()).containsExactly("dep-a", "dep-b", "dep_c");
    assertThat(c.accumulates()).isTrue();
    assertThat(c.satisfied(Set.of("dep-a"))).isFalse();
    assertThat(c.satisfied(Set.of("dep-a", "dep_c"))).isTrue();
    assertThat(c.satisfied(Set.of("dep-b", "dep_c"))).isFalse();
  }

  @Test
  void orOnlyDoesNotAccumulate() {
    SensorConditions c = SensorConditions.parse("a || b-2");
    assertThat(c.accumulates()).isFalse();
    assertThat(c.satisfied(Set.of("b-2"))).isTrue();
  }

  @Test
  void malformedConditionsArePositioned() {
    assertThatThrownBy(() -> SensorConditions.parse("dep-a && (dep-b"))
        .isInstanceOf(GovaluateException.class)
        .hasMessage("unbalanced parenthesis: '(' is never closed at 1:10");
  }

  @Test
  void escapedNamesInExpressions() {
    GovaluateExpression e = GovaluateExpression.parse("my\\-var == 'x'", GovaluateMode.VARIABLES);
    assertThat(e.variables()).containsExactly("my-var");
    assertThat(e.evaluate(java.util.Map.of("my-var", "x"))).isEqualTo(true);
  }
}
