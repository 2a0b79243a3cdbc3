package io.quargo.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpanderTest {

  @Test
  void dottedNamesBecomeNestedMaps() {
    Map<String, Object> env = EnvExpander.expand(Map.of(
        "inputs.parameters.count", "5",
        "workflow.name", "wf",
        "steps.a-b.outputs.result", "ok"));
    assertThat(Expr.eval("asInt(inputs.parameters.count) + 1", env)).isEqualTo(6L);
    assertThat(Expr.eval("workflow.name", env)).isEqualTo("wf");
    assertThat(Expr.eval("steps['a-b'].outputs.result", env)).isEqualTo("ok");
  }

  @Test
  void aNameThatIsAlsoAPrefixKeepsTheNestedMap() {
    Map<String, Object> env = EnvExpander.expand(Map.of(
        "inputs.parameters", "[{\"name\":\"x\"}]",
        "inputs.parameters.x", "1"));
    assertThat(Expr.eval("inputs.parameters.x", env)).isEqualTo("1");
  }
}
