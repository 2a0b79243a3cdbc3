package io.quargo.core.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.expr.ExprException;
import io.quargo.core.tags.TagOptions;
import io.quargo.core.tags.Tags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgoExpressionsTest {
  private final ArgoExpressions expressions = ArgoExpressions.standard();

  @Test
  void sprigFunctionsAreCallableFromExpr() {
    assertThat(expressions.evaluate("sprig.upper(name)", Map.of("name", "argo"))).isEqualTo("ARGO");
    assertThat(expressions.evaluate("sprig.trim('  x ') + sprig.repeat(2, 'y')", Map.of())).isEqualTo("xyy");
    assertThat(expressions.evaluate("sprig.join(',', sprig.list('a', 'b'))", Map.of())).isEqualTo("a,b");
  }

  @Test
  void unknownSprigFunctionIsAnExprError() {
    assertThatThrownBy(() -> expressions.evaluate("sprig.nope(1)", Map.of()))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("sprig.nope");
  }

  @Test
  void sprigErrorsSurfaceAsExprErrorsWithTheFunctionName() {
    assertThatThrownBy(() -> expressions.evaluate("sprig.atoi(1, 2)", Map.of()))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("atoi");
  }

  @Test
  void expressionTagsInArgoStringsUseExprWithSprig() {
    // Argo's replace map is flat; the tags package nests it for expressions
    Map<String, Object> values = Map.of("inputs.parameters.count", "3", "inputs.parameters.name", "argo");
    String out = Tags.substitute(
        "{{inputs.parameters.name}} has {{= asInt(inputs.parameters.count) * 2 }} and {{=sprig.upper(inputs.parameters.name)}}",
        values, TagOptions.fail(expressions));
    assertThat(out).isEqualTo("argo has 6 and ARGO");
  }

  @Test
  void programsAreCompiledOnce() {
    assertThat(expressions.program("1 + 1")).isSameAs(expressions.program("1 + 1"));
    assertThat(expressions.evaluate("filter([1,2,3], # > 1)", Map.of())).isEqualTo(List.of(2L, 3L));
  }
}
