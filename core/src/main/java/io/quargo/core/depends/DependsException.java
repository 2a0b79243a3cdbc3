package io.quargo.core.depends;

/** A {@code depends} expression that cannot be parsed or evaluated; the message names line:col and the reason. */
public final class DependsException extends RuntimeException {
  private final int column;

  DependsException(String source, int offset, String reason) {
    super(reason + " at " + position(source, offset));
    this.column = columnOf(source, offset);
  }

  public int column() {
    return column;
  }

  static String position(String source, int offset) {
    int end = Math.min(Math.max(offset, 0), source.length());
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line + ":" + columnOf(source, offset);
  }

  private static int columnOf(String source, int offset) {
    int end = Math.min(Math.max(offset, 0), source.length());
    return end - source.lastIndexOf('\n', end - 1);
  }
}
