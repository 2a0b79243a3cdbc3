package io.quargo.core.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagTemplateTest {

  @Test
  void referencesOfSimpleTags() {
    assertThat(Tags.references("echo {{inputs.parameters.msg}} {{ steps.a.outputs.result }} {{item.key}}"))
        .containsExactly("inputs.parameters.msg", "steps.a.outputs.result", "item.key");
  }

  @Test
  void referencesOfExpressionTags() {
    assertThat(Tags.references("{{=steps['my-step'].outputs.result == 'x' ? inputs.parameters.a : 'steps.no'}}"))
        .containsExactly("steps.my-step.outputs.result", "inputs.parameters.a");
    assertThat(Tags.references("{{=sprig.trim(inputs.parameters.x) + asInt(tasks.t.outputs.result)}}"))
        .containsExactly("inputs.parameters.x", "tasks.t.outputs.result");
    assertThat(Tags.references("{{=filter(items, {#.ok}) | len() > 0 and true}}")).containsExactly("items");
    assertThat(Tags.references("{{=workflow.status == \"Succeeded\" && retries < 3}}"))
        .containsExactly("workflow.status", "retries");
  }

  @Test
  void referencesCarryOffsetsAndKind() {
    List<TagReference> refs = TagTemplate.parse("ab {{x}} {{=y}}").references();
    assertThat(refs).containsExactly(new TagReference("x", false, 3), new TagReference("y", true, 9));
  }

  @Test
  void literalTemplate() {
    assertThat(TagTemplate.parse("no tags here").isLiteral()).isTrue();
    assertThat(TagTemplate.parse("a {{b}}").isLiteral()).isFalse();
    assertThat(TagTemplate.parse("").segments()).isEmpty();
  }

  @Test
  void segmentsKeepRawTagText() {
    assertThat(TagTemplate.parse("x{{ a }}y{{=b }}").segments()).containsExactly(
        new Segment.Text("x", 0), new Segment.Simple(" a ", "a", 1), new Segment.Text("y", 8),
        new Segment.Expression("=b ", "b ", 9));
  }

  @Test
  void nestedTagReferencesTheInnerName() {
    assertThat(Tags.references("{{inputs.parameters.{{item}}}}")).containsExactly("item");
  }

  @Test
  void nestedTagsResolveOverTwoPasses() {
    Map<String, String> v = Map.of("item", "x", "inputs.parameters.x", "42");
    String once = Tags.substitute("{{inputs.parameters.{{item}}}}", v, TagOptions.leave(ExpressionEvaluator.NONE));
    assertThat(once).isEqualTo("{{inputs.parameters.x}}");
    assertThat(Tags.substitute(once, v, TagOptions.fail(ExpressionEvaluator.NONE))).isEqualTo("42");
  }

  @Test
  void missingVariableIsFlaggedSoTheEngineCanWait() {
    assertThatThrownBy(() -> Tags.substitute("{{steps.a.outputs.result}}", Map.of(),
        TagOptions.fail(ExpressionEvaluator.NONE)))
        .isInstanceOfSatisfying(TagException.class, e -> assertThat(e.missingVariable()).isTrue());
    assertThatThrownBy(() -> Tags.substitute("{{a}}", java.util.Collections.singletonMap("a", null),
        TagOptions.leave(ExpressionEvaluator.NONE)))
        .isInstanceOfSatisfying(TagException.class, e -> assertThat(e.missingVariable()).isFalse());
  }

  @Test
  void noEvaluatorLeavesOrFailsExpressions() {
    assertThat(Tags.substitute("{{=1+1}}", Map.of(), TagOptions.leave(ExpressionEvaluator.NONE)))
        .isEqualTo("{{=1+1}}");
    assertThatThrownBy(() -> Tags.substitute("{{=1+1}}", Map.of(), TagOptions.fail(ExpressionEvaluator.NONE)))
        .hasMessageContaining("no expression evaluator configured");
  }

  @Test
  void evaluatorSeesNestedEnvWithMoreSpecificKeysWinning() {
    Map<String, Object> env = ExpressionEnv.expand(Map.of(
        "inputs.parameters", "[json]", "inputs.parameters.a", "1", "workflow.name", "w", "item", "i"));
    assertThat(env).isEqualTo(Map.of("inputs", Map.of("parameters", Map.of("a", "1")),
        "workflow", Map.of("name", "w"), "item", "i"));
  }

  @Test
  void nonStringValuesPrintAsGoDoes() {
    assertThat(Tags.substitute("{{n}} {{b}} {{d}}", Map.of("n", 3, "b", true, "d", 2.5),
        TagOptions.fail(ExpressionEvaluator.NONE))).isEqualTo("3 true 2.5");
  }

  @Test
  void goFormat() {
    assertThat(GoFormat.value(List.of(1, "a", List.of()))).isEqualTo("[1 a []]");
    assertThat(GoFormat.float64(1e21)).isEqualTo("1e+21");
    assertThat(GoFormat.float64(123456.0)).isEqualTo("123456");
    assertThat(GoFormat.float64(1234567.0)).isEqualTo("1.234567e+06");
    assertThat(GoFormat.float64(0.000012)).isEqualTo("1.2e-05");
    assertThat(GoFormat.float64(-0.5)).isEqualTo("-0.5");
    assertThat(GoFormat.value(new java.math.BigDecimal("10"))).isEqualTo("10");
  }

  @Test
  void jsonTextRoundTrips() {
    String s = "a\"b\\c\n\t\u0001é";
    assertThat(JsonText.escape(s)).isEqualTo("a\\\"b\\\\c\\n\\t\\u0001é");
    assertThat(JsonText.unescape(JsonText.escape(s))).isEqualTo(s);
    assertThat(JsonText.unescape("bad \\u12")).isEqualTo("bad \\u12");
  }
}
