package io.quargo.core.tags;

/** A template that cannot be substituted; the message names the tag, line:col and the reason. */
public final class TagException extends RuntimeException {
  private final boolean missingVariable;

  TagException(String source, int offset, String reason, boolean missingVariable, Throwable cause) {
    super(reason + " at " + position(source, offset), cause);
    this.missingVariable = missingVariable;
  }

  /** True when a variable is not available yet (the engine may wait and retry), false for a hard error. */
  public boolean missingVariable() {
    return missingVariable;
  }

  static String position(String source, int offset) {
    int end = Math.min(Math.max(offset, 0), source.length());
    int line = 1;
    int lastNewline = -1;
    for (int i = 0; i < end; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lastNewline = i;
      }
    }
    return line + ":" + (end - lastNewline);
  }
}
