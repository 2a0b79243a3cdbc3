package io.quargo.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Template API: parse once, execute many, bounds, positions. */
class TemplateTest {
  @Test
  void parsesOnceAndExecutesManyTimes() {
    Template t = Template.parse("msg", "{{ .Input.body.message | upper }}");
    assertThat(t.execute(Map.of("Input", Map.of("body", Map.of("message", "a"))))).isEqualTo("A");
    assertThat(t.execute(Map.of("Input", Map.of("body", Map.of("message", "b"))))).isEqualTo("B");
  }

  @Test
  void javaIntegersAreGoInts() {
    Template t = Template.parse("t", "{{ eq .n 3 }} {{ printf \"%d\" .n }}");
    assertThat(t.execute(Map.of("n", 3))).isEqualTo("true 3");
  }

  @Test
  void executesNamedTemplates() {
    Template t = Template.parse("root", "{{ define \"a\" }}A{{ . }}{{ end }}root");
    assertThat(t.templateNames()).containsExactly("a", "root");
    assertThat(t.execute("a", 1)).isEqualTo("A1");
    assertThatThrownBy(() -> t.execute("b", 1)).isInstanceOf(TemplateException.class)
        .hasMessage("template: no template \"b\" associated with template \"root\"");
  }

  @Test
  void parseErrorsCarryLineColumnAndReason() {
    assertThatThrownBy(() -> Template.parse("t", "ok\n  {{ .a } }}"))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("template: t:2:8: unexpected \"}\" in operand");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(8);
          assertThat(e.reason()).isEqualTo("unexpected \"}\" in operand");
        });
  }

  @Test
  void executionErrorsNameTheNodeAndTemplate() {
    Template t = Template.parse("t", "{{ define \"x\" }}{{ .a.b }}{{ end }}{{ template \"x\" . }}");
    assertThatThrownBy(() -> t.execute(Map.of("a", "s")))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: t:1:19: executing \"x\" at <.a.b>: can't evaluate field b in type string");
  }

  @Test
  void stepBudgetStopsRunawayLoops() {
    Template t = Template.parse("t", "{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}");
    assertThatThrownBy(() -> t.execute(null)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("exceeded the step budget");
  }

  @Test
  void outputBoundStopsExplosions() {
    Template t = Template.parse("t", "{{ range until 1000 }}{{ repeat 100000 \"x\" }}{{ end }}");
    assertThatThrownBy(() -> t.execute(null)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("output exceeds");
  }

  @Test
  void deepNestingIsAParseErrorNotAStackOverflow() {
    String deep = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";
    assertThatThrownBy(() -> Template.parse("t", deep)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("max expression depth exceeded");
    String ifs = "{{ if 1 }}".repeat(5000) + "{{ end }}".repeat(5000);
    assertThatThrownBy(() -> Template.parse("t", ifs)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("max expression depth exceeded");
  }

  @Test
  void cyclicOrTooDeepDataIsATemplateError() {
    Map<String, Object> cyclic = new java.util.HashMap<>();
    cyclic.put("self", cyclic);
    assertThatThrownBy(() -> Template.parse("t", "{{ . }}").execute(cyclic))
        .isInstanceOf(TemplateException.class).hasMessageContaining("nested deeper than");
  }

  @Test
  void deeplyNestedValuesBuiltAtRuntimeStayTemplateErrors() {
    Template t = Template.parse("t",
        "{{ $x := list }}{{ range until 300000 }}{{ $x = list $x }}{{ end }}{{ deepEqual $x (list $x) }}",
        TemplateOptions.DEFAULT.withMaxSteps(10_000_000));
    assertThatThrownBy(() -> t.execute(null)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("error calling deepEqual: value nested too deeply");
  }

  @Test
  void sharedDataIsNotMutatedByExecution() {
    Map<String, Object> data = Map.of("l", List.of(1, 2));
    Template t = Template.parse("t", "{{ $x := set . \"k\" 1 }}{{ .k }}");
    assertThat(t.execute(data)).isEqualTo("1");
    assertThat(data).doesNotContainKey("k");
  }
}
