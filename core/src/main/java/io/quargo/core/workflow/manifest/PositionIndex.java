package io.quargo.core.workflow.manifest;

import java.util.Collections;
import java.util.Map;

/**
 * JSON path ({@code spec.templates[2].dag.tasks[0].depends}) to the position of its value in the file. A path
 * not recorded (e.g. a default) is answered with its nearest recorded ancestor, so every finding has a place.
 */
public final class PositionIndex {
  private final String source;
  private final String[] lines;
  private final Map<String, SourcePosition> positions;

  PositionIndex(String source, String text, Map<String, SourcePosition> positions) {
    this.source = source;
    this.lines = text.split("\n", -1);
    this.positions = Collections.unmodifiableMap(positions);
  }

  public String source() {
    return source;
  }

  /** The exact position of the value at {@code path}, or null. */
  public SourcePosition exact(String path) {
    return positions.get(path);
  }

  /** The value's position, else the nearest ancestor's, else the document start. */
  public SourcePosition find(String path) {
    String p = path;
    while (!p.isEmpty()) {
      SourcePosition pos = positions.get(p);
      if (pos != null) {
        return pos;
      }
      p = parent(p);
    }
    SourcePosition root = positions.get("");
    return root != null ? root : new SourcePosition(source, 1, 1);
  }

  /**
   * The position of character {@code offset} of the string value at {@code path}: past an opening quote, or
   * inside a block scalar ({@code |}, {@code >}) on the following lines. Best effort for folded plain scalars;
   * falls back to {@link #find(String)} when the path was not recorded.
   */
  public SourcePosition at(String path, String value, int offset) {
    SourcePosition start = exact(path);
    if (start == null || start.line() > lines.length) {
      return find(path);
    }
    String line = lines[start.line() - 1];
    char first = start.column() <= line.length() ? line.charAt(start.column() - 1) : ' ';
    int end = Math.min(Math.max(offset, 0), value.length());
    int newlines = (int) value.substring(0, end).chars().filter(c -> c == '\n').count();
    int column = end - value.lastIndexOf('\n', end - 1) - 1;
    if (first == '|' || first == '>') {
      int row = Math.min(start.line() + 1 + newlines, lines.length);
      String body = lines[row - 1];
      int indent = body.length() - body.stripLeading().length();
      return new SourcePosition(source, row, indent + column + 1);
    }
    int quote = first == '"' || first == '\'' ? 1 : 0;
    return newlines == 0 ? start.shifted(0, quote + column) : new SourcePosition(source, start.line() + newlines,
        column + 1);
  }

  public Map<String, SourcePosition> all() {
    return positions;
  }

  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
