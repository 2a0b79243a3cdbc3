package io.quargo.core.workflow.lint;

import static io.quargo.core.workflow.lint.LintFixture.lint;
import static io.quargo.core.workflow.lint.LintFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DagRulesTest {
  static String dag(String tasks) {
    return workflow("""
        entrypoint: main
        templates:
          - name: w
            container: {image: alpine}
          - name: main
            dag:
        """ + tasks.stripIndent().lines().map(l -> "      " + l + "\n").reduce("", String::concat));
  }

  @Test
  void cyclesThroughDependenciesAndDepends() {
    LintResult r = lint(dag("""
        tasks:
          - {name: a, template: w, dependencies: [c]}
          - {name: b, template: w, depends: "a.Succeeded"}
          - {name: c, template: w, depends: "b || a"}
        """));
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[1].dag.tasks[0]");
      assertThat(f.message()).startsWith("dependency cycle: a -> c -> b -> a");
    });
  }

  @Test
  void unknownDependencies() {
    LintResult r = lint(dag("""
        tasks:
          - {name: a, template: w}
          - {name: b, template: w, dependencies: [a, x]}
          - {name: c, template: w, depends: "a && y.Failed"}
        target: "c z"
        """));
    assertThat(r.errors()).extracting(LintFinding::path).containsExactly(
        "spec.templates[1].dag.tasks[1].dependencies[1]", "spec.templates[1].dag.tasks[2].depends",
        "spec.templates[1].dag.target");
  }

  @Test
  void badDependsSyntaxIsPlacedInsideTheString() {
    String yaml = dag("""
        tasks:
          - {name: a, template: w}
          - name: b
            template: w
            depends: "a.Succeeded &&"
        """);
    LintResult r = lint(yaml);
    assertThat(r.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("spec.templates[1].dag.tasks[1].depends");
      assertThat(f.message()).startsWith("invalid depends 'a.Succeeded &&'");
      String line = yaml.lines().toList().get(f.position().line() - 1);
      assertThat(line).contains("depends:");
      assertThat(f.position().column()).isGreaterThan(line.indexOf('"') + 1);
    });
  }

  @Test
  void dependenciesAndDependsTogetherAreRefused() {
    LintResult r = lint(dag("""
        tasks:
          - {name: a, template: w}
          - {name: b, template: w, dependencies: [a], depends: a}
        """));
    assertThat(r.errors()).extracting(LintFinding::message)
        .containsExactly("task uses both 'dependencies' and 'depends': keep only 'depends'");
  }

  @Test
  void aTargetFromAParameterIsCheckedOnlyAsAVariable() {
    assertThat(lint(dag("""
        target: "{{workflow.parameters.target}}"
        tasks:
          - {name: a, template: w}
        """)).errors()).extracting(LintFinding::message).containsExactly("unknown variable "
        + "'{{workflow.parameters.target}}': workflow parameter 'target' is not declared: add it to "
        + "spec.arguments.parameters");
  }
}
