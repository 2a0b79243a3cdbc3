package io.quargo.core.govaluate;

/** A govaluate expression that cannot be parsed or evaluated; the message names line:col and the reason. */
public final class GovaluateException extends RuntimeException {
  private final int line;
  private final int column;
  private final String reason;

  GovaluateException(String source, int offset, String reason) {
    super(reason + " at " + lineOf(source, offset) + ":" + columnOf(source, offset));
    this.line = lineOf(source, offset);
    this.column = columnOf(source, offset);
    this.reason = reason;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The reason without the position, for callers that add their own context. */
  public String reason() {
    return reason;
  }

  /** The offset in {@code src} that this error's line:col points at. */
  static int offsetOf(String src, GovaluateException e) {
    int line = 1;
    int i = 0;
    while (line < e.line() && i < src.length()) {
      if (src.charAt(i++) == '\n') {
        line++;
      }
    }
    return i + e.column() - 1;
  }

  static int lineOf(String source, int offset) {
    int line = 1;
    int end = Math.min(Math.max(offset, 0), source.length());
    for (int i = 0; i < end; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  static int columnOf(String source, int offset) {
    int end = Math.min(Math.max(offset, 0), source.length());
    int lastNewline = source.lastIndexOf('\n', end - 1);
    return end - lastNewline;
  }
}
