package io.quargo.core.workflow.lint;

import static io.quargo.core.workflow.lint.LintFixture.lint;
import static io.quargo.core.workflow.lint.LintFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.workflow.manifest.ManifestLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRulesTest {
  @Test
  void duplicateTemplateNames() {
    LintResult r = lint(workflow("""
        entrypoint: a
        templates:
          - name: a
            container: {image: alpine}
          - name: a
            container: {image: alpine}
        """));
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[1].name");
      assertThat(f.position().line()).isEqualTo(10);
      assertThat(f.message()).contains("'a' is not unique");
    });
  }

  @Test
  void unknownTemplatesInStepsTasksHooksAndOnExit() {
    LintResult r = lint(workflow("""
        entrypoint: main
        onExit: bye
        templates:
          - name: main
            steps:
              - - name: one
                  template: wrok
                  hooks:
                    running: {expression: "steps.one.status == 'Running'", template: hook}
          - name: dag
            dag:
              tasks:
                - name: t
                  template: nope
          - name: work
            container: {image: alpine}
        """));
    assertThat(r.errors()).extracting(LintFinding::path).containsExactlyInAnyOrder("spec.onExit",
        "spec.templates[0].steps[0][0].template", "spec.templates[0].steps[0][0].hooks.running.template",
        "spec.templates[1].dag.tasks[0].template");
    assertThat(r.errors()).filteredOn(f -> f.path().endsWith("steps[0][0].template")).singleElement()
        .extracting(LintFinding::message).isEqualTo("template 'wrok' not found: declare a template named "
        + "'wrok' under spec.templates or fix the name");
  }

  @Test
  void duplicateStepNamesAcrossGroupsAndDuplicateTasks() {
    LintResult r = lint(workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: a, template: w}
              - - {name: a, template: w}
          - name: d
            dag:
              tasks:
                - {name: t, template: w}
                - {name: t, template: w}
          - name: w
            container: {image: alpine}
        """));
    assertThat(r.errors()).extracting(LintFinding::path)
        .containsExactly("spec.templates[0].steps[1][0].name", "spec.templates[1].dag.tasks[1].name");
  }

  @Test
  void callsMustSupplyInputsWithoutDefault() {
    LintResult r = lint(workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: a, template: w}
              - - {name: b, template: w, arguments: {parameters: [{name: msg, value: x}]}}
          - name: w
            inputs: {parameters: [{name: msg}]}
            container: {image: alpine}
        """));
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[0].steps[0][0].arguments");
      assertThat(f.message()).startsWith("inputs.parameters.msg was not supplied");
    });
  }

  @Test
  void templateRefIsAWarningWithoutResolverAndCheckedWithOne() {
    String wf = workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - name: a
                  templateRef: {name: lib, template: prnit}
        """);
    assertThat(lint(wf).ok()).isTrue();
    assertThat(lint(wf).warnings()).singleElement().satisfies(f ->
        assertThat(f.message()).contains("WorkflowTemplate 'lib' is not loaded"));
    var lib = ManifestLoader.load("""
        kind: WorkflowTemplate
        metadata: {name: lib}
        spec: {templates: [{name: print, container: {image: alpine}}]}
        """, "lib.yaml").get(0).resource();
    LintResult resolved = lint(wf, TemplateResolver.of(List.of(lib)));
    assertThat(resolved.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[0].steps[0][0].templateRef.template");
      assertThat(f.message()).contains("'prnit' not found in WorkflowTemplate 'lib'");
    });
  }

  @Test
  void inlineTemplatesNeedNoName() {
    assertThat(lint(workflow("""
        entrypoint: main
        templates:
          - name: main
            dag:
              tasks:
                - name: a
                  inline: {container: {image: alpine}}
        """)).findings()).isEmpty();
  }
}
