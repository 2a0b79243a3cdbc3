package io.quargo.core.workflow.lint;

import static io.quargo.core.workflow.lint.LintFixture.lint;
import static io.quargo.core.workflow.lint.LintFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariableRulesTest {
  static LintResult container(String args) {
    return lint(workflow("""
        entrypoint: main
        arguments: {parameters: [{name: who, value: me}]}
        templates:
          - name: main
            inputs:
              parameters: [{name: msg, default: hi}]
              artifacts: [{name: file, path: /tmp/f}]
            container:
              image: alpine
              args: [%s]
        """.formatted(args)));
  }

  @Test
  void knownVariablesPass() {
    assertThat(container("\"{{inputs.parameters.msg}} {{inputs.artifacts.file.path}} {{workflow.name}} "
        + "{{workflow.parameters.who}} {{pod.name}} {{retries}} {{inputs.parameters}} {{node.name}}\"")
        .findings()).isEmpty();
  }

  @Test
  void undeclaredInputParameter() {
    LintResult r = container("\"echo {{inputs.parameters.mesage}}\"");
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[0].container.args[0]");
      assertThat(f.message()).isEqualTo("unknown variable '{{inputs.parameters.mesage}}': input parameter "
          + "'mesage' is not declared: add it to this template's inputs.parameters");
      assertThat(f.position().column()).isEqualTo("        args: [\"echo {{".length() - 1); // at the tag
    });
  }

  @Test
  void undeclaredArtifactWorkflowParameterAndUnknownRoot() {
    LintResult r = container("\"{{inputs.artifacts.nope.path}}\", \"{{workflow.parameters.whom}}\", \"{{itme}}\"");
    assertThat(r.errors()).extracting(LintFinding::path).containsExactly("spec.templates[0].container.args[0]",
        "spec.templates[0].container.args[1]", "spec.templates[0].container.args[2]");
    assertThat(r.errors().get(2).message()).contains("no variable starts with 'itme'");
  }

  @Test
  void stepAndTaskReferencesMustExistInTheirTemplate() {
    LintResult r = lint(workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: gen, template: w}
              - - name: use
                  template: w
                  arguments:
                    parameters: [{name: p, value: "{{steps.gen.outputs.result}} {{steps.gne.outputs.result}}"}]
          - name: d
            dag:
              tasks:
                - {name: gen, template: w}
                - name: use
                  template: w
                  depends: gen
                  arguments:
                    parameters: [{name: p, value: "{{tasks.gen.outputs.result}} {{tasks.nope.id}}"}]
          - name: w
            inputs: {parameters: [{name: p, default: ""}]}
            container: {image: alpine}
        """));
    assertThat(r.errors()).extracting(LintFinding::message).containsExactly(
        "unknown variable '{{steps.gne.outputs.result}}': no step named 'gne' in this template: fix the step name",
        "unknown variable '{{tasks.nope.id}}': no task named 'nope' in this DAG: fix the task name");
  }

  @Test
  void workflowTemplatesMayUseParametersGivenAtSubmit() {
    assertThat(lint("""
        kind: WorkflowTemplate
        metadata: {name: t}
        spec:
          templates:
            - name: main
              container: {image: alpine, args: ["{{workflow.parameters.anything}}"]}
        """).findings()).isEmpty();
  }

  @Test
  void inlineTemplatesHaveTheirOwnInputs() {
    assertThat(lint(workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - name: a
                  arguments: {parameters: [{name: x, value: "1"}]}
                  inline:
                    inputs: {parameters: [{name: x}]}
                    container: {image: alpine, args: ["{{inputs.parameters.x}}"]}
        """)).findings()).isEmpty();
  }
}
