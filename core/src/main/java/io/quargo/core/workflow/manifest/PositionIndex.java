package io.quargo.core.workflow.manifest;

import java.util.Collections;
import java.util.Map;

/**
 * JSON path ({@code spec.templates[2].dag.tasks[0].depends}) to the position of its value in the file. A path
 * not recorded (e.g. a default) is answered with its nearest recorded ancestor, so every finding has a place.
 */
public final class PositionIndex {
  private final String source;
  private final Map<String, SourcePosition> positions;

  PositionIndex(String source, Map<String, SourcePosition> positions) {
    this.source = source;
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

  public Map<String, SourcePosition> all() {
    return positions;
  }

  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
