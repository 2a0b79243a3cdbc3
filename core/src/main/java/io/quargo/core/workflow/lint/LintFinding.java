package io.quargo.core.workflow.lint;

import io.quargo.core.workflow.manifest.SourcePosition;

/**
 * One lint finding.
 *
 * @param path JSON path of the offending value, e.g. {@code spec.templates[2].dag.tasks[0].depends}
 * @param message what is wrong and how to fix it
 */
public record LintFinding(Severity severity, SourcePosition position, String path, String message) {
  @Override
  public String toString() {
    return position + ": " + severity.name().toLowerCase() + ": " + path + ": " + message;
  }
}
