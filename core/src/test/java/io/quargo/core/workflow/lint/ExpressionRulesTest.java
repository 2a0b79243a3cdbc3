package io.quargo.core.workflow.lint;

import static io.quargo.core.workflow.lint.LintFixture.lint;
import static io.quargo.core.workflow.lint.LintFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionRulesTest {
  static String steps(String when) {
    return workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: flip, template: w}
              - - name: heads
                  template: w
                  when: %s
          - name: w
            container: {image: alpine}
        """.formatted(when));
  }

  @Test
  void whenWithTagsAndBareWordsParses() {
    assertThat(lint(steps("\"{{steps.flip.outputs.result}} == heads\"")).findings()).isEmpty();
    assertThat(lint(steps("\"'{{steps.flip.outputs.result}}' =~ '^h' && {{=1+1}} > 1\"")).findings()).isEmpty();
  }

  @Test
  void whenThatGovaluateCannotParse() {
    LintResult r = lint(steps("\"{{steps.flip.outputs.result}} == (heads\""));
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[0].steps[1][0].when");
      assertThat(f.message()).startsWith("invalid 'when' expression '{{steps.flip.outputs.result}} == (heads'")
          .contains("wrapping the affected expression in quotes");
    });
  }

  @Test
  void expressionTagsMustCompile() {
    String yaml = workflow("""
        entrypoint: main
        templates:
          - name: main
            container:
              image: alpine
              args: ["x {{=sprig.upper('a') +}}"]
        """);
    LintResult r = lint(yaml);
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[0].container.args[0]");
      assertThat(f.message()).startsWith("invalid expression '{{=sprig.upper('a') +}}'");
      assertThat(f.position().line()).isEqualTo(11);
      assertThat(f.position().column()).isEqualTo(yaml.lines().toList().get(10).indexOf("{{") + 1);
    });
  }

  @Test
  void unclosedTag() {
    LintResult r = lint(workflow("""
        entrypoint: main
        templates:
          - name: main
            container: {image: alpine, args: ["{{inputs.parameters.x"]}
        """));
    assertThat(r.errors()).extracting(LintFinding::message).singleElement().asString()
        .contains("'{{' is never closed").endsWith("close every '{{' with '}}'");
  }

  @Test
  void hookExpressionsAreExpr() {
    LintResult r = lint(workflow("""
        entrypoint: main
        hooks:
          running: {expression: "workflow.status == ", template: main}
        templates:
          - name: main
            container: {image: alpine}
        """));
    assertThat(r.errors()).extracting(LintFinding::path).containsExactly("spec.hooks.running.expression");
  }
}
