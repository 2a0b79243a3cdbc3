package io.quargo.core.expr;

/**
 * Every failure of an expression — lexing, parsing or evaluating — surfaces as this one exception,
 * carrying the 1-based line and column it refers to and the bare reason. The message reads
 * {@code reason at line:column}, e.g. {@code unexpected token ')' at 1:17}.
 */
public final class ExprException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int line;
  private final int column;

  public ExprException(String reason, int line, int column) {
    super(reason + " at " + line + ":" + column, null, false, false);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  public String reason() {
    return reason;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
