package io.quargo.core.workflow.lint;

import static io.quargo.core.workflow.lint.LintFixture.lint;
import static io.quargo.core.workflow.lint.LintFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntrypointRulesTest {
  @Test
  void aWorkflowNeedsAnEntrypoint() {
    LintResult r = lint(workflow("""
        templates:
          - name: main
            container: {image: alpine}
        """));
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.entrypoint");
      assertThat(f.position().toString()).isEqualTo("wf.yaml:6:3");
      assertThat(f.message()).startsWith("spec.entrypoint is required");
    });
  }

  @Test
  void aWorkflowTemplateMayOmitIt() {
    assertThat(lint("""
        kind: WorkflowTemplate
        metadata: {name: t}
        spec:
          templates:
            - name: main
              container: {image: alpine}
        """).findings()).isEmpty();
  }

  @Test
  void theEntrypointMustBeATemplate() {
    LintResult r = lint(workflow("""
        entrypoint: mian
        templates:
          - name: main
            container: {image: alpine}
        """));
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.position().toString()).isEqualTo("wf.yaml:6:15");
      assertThat(f.message()).contains("'mian' not found").contains("templates: main");
    });
  }

  @Test
  void entrypointInputsNeedAValueFromArgumentsOrDefault() {
    String spec = """
        entrypoint: main
        %s
        templates:
          - name: main
            inputs:
              parameters:
                - name: message
                - name: greeting
                  default: hi
            container: {image: alpine, args: ["{{inputs.parameters.message}}"]}
        """;
    LintResult missing = lint(workflow(spec.formatted("")));
    assertThat(missing.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[0].inputs.parameters[0]");
      assertThat(f.message()).contains("'message'").contains("spec.arguments.parameters");
    });
    assertThat(lint(workflow(spec.formatted("arguments: {parameters: [{name: message}]}"))).ok()).isTrue();
  }

  @Test
  void cronWorkflowsAreLintedUnderWorkflowSpec() {
    LintResult r = lint("""
        kind: CronWorkflow
        metadata: {name: c}
        spec:
          schedules: ["* * * * *"]
          workflowSpec:
            entrypoint: nope
            templates:
              - name: main
                container: {image: alpine}
        """);
    assertThat(r.errors()).extracting(LintFinding::path).containsExactly("spec.workflowSpec.entrypoint");
  }

  @Test
  void anEntrypointOverridingAWorkflowTemplateRefMustExistThere() {
    String wf = workflow("""
        entrypoint: mian
        workflowTemplateRef: {name: lib}
        """);
    assertThat(lint(wf).ok()).isTrue();
    assertThat(lint(wf).warnings()).extracting(LintFinding::path).containsExactly("spec.workflowTemplateRef");
    var lib = io.quargo.core.workflow.manifest.ManifestLoader.load("""
        kind: WorkflowTemplate
        metadata: {name: lib}
        spec: {templates: [{name: main, container: {image: alpine}}]}
        """, "lib.yaml").get(0).resource();
    assertThat(lint(wf, TemplateResolver.of(java.util.List.of(lib))).errors()).singleElement()
        .extracting(LintFinding::message).asString().contains("'mian' not found in WorkflowTemplate 'lib'");
  }
}
