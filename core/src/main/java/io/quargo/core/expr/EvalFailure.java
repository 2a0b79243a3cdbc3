package io.quargo.core.expr;

/**
 * A failure raised by position-unaware helpers (operators, builtins); the node that called them
 * catches it and rethrows as an {@link ExprException} at its own position. No stack trace: it is
 * control flow, not a bug report.
 */
final class EvalFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EvalFailure(String reason) {
    super(reason, null, false, false);
  }
}
