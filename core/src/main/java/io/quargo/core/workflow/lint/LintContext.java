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

  /** An error at character {@code offset} of the string {@code value} found at {@code path}. */
  void errorAt(String path, String value, int offset, String message) {
    add(Severity.ERROR, path, document.positions().at(path, value, offset), message);
  }

  private void add(Severity severity, String path, SourcePosition position, String message) {
    findings.add(new LintFinding(severity, position, path, message));
  }

  List<LintFinding> findings() {
    return findings;
  }
}
