package io.quargo.core.workflow.lint;

import io.quargo.core.workflow.manifest.ManifestDocument;
import io.quargo.core.workflow.manifest.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Collects findings for one document, placing each at its JSON path's position in the file. */
final class LintContext {
  private final ManifestDocument document;
  private final List<LintFinding> findings = new ArrayList<>();

  LintContext(ManifestDocument document) {
    this.document = document;
  }

  void error(String path, String message) {
    add(Severity.ERROR, path, document.positions().find(path), message);
  }

  void warning(String path, String message) {
    add(Severity.WARNING, path, document.positions().find(path), message);
  }

  /** An error at a column inside a one-line string value (e.g. a parse error in {@code depends}). */
  void errorAt(String path, int column, String message) {
    SourcePosition at = document.positions().find(path);
    SourcePosition exact = document.positions().exact(path);
    add(Severity.ERROR, path, exact != null && column > 1 ? at.shifted(0, column - 1) : at, message);
  }

  private void add(Severity severity, String path, SourcePosition position, String message) {
    findings.add(new LintFinding(severity, position, path, message));
  }

  List<LintFinding> findings() {
    return findings;
  }
}
