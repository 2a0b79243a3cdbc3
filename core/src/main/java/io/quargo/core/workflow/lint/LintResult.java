package io.quargo.core.workflow.lint;

import java.util.List;

/** The findings of linting one or more manifests, in file order. */
public record LintResult(List<LintFinding> findings) {
  public LintResult {
    findings = List.copyOf(findings);
  }

  public List<LintFinding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  public List<LintFinding> warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
  }

  /** True when {@code argo lint} would pass (warnings allowed). */
  public boolean ok() {
    return errors().isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    findings.forEach(f -> b.append(f).append('\n'));
    return b.toString();
  }
}
