package io.quargo.core.workflow.manifest;

/** Where something is in a manifest file: 1-based line and column, as editors show them. */
public record SourcePosition(String source, int line, int column) {
  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }

  /** The position {@code offset} characters into a one-line scalar that starts here (best effort for YAML). */
  public SourcePosition shifted(int lines, int columnOffset) {
    return lines == 0 ? new SourcePosition(source, line, column + columnOffset)
        : new SourcePosition(source, line + lines, columnOffset);
  }
}
