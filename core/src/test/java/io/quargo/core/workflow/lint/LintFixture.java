package io.quargo.core.workflow.lint;

import io.quargo.core.workflow.manifest.ManifestLoader;

/** Lints inline YAML as file "wf.yaml" with no templates loaded. */
final class LintFixture {
  private LintFixture() {}

  static LintResult lint(String yaml) {
    return lint(yaml, TemplateResolver.NONE);
  }

  static LintResult lint(String yaml, TemplateResolver resolver) {
    return new WorkflowLinter(resolver).lint(ManifestLoader.load(yaml, "wf.yaml"));
  }

  /** A Workflow whose spec is {@code spec}, indented by two spaces under "spec:". */
  static String workflow(String spec) {
    return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: wf\nspec:\n"
        + spec.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
  }
}
