package io.quargo.core.govaluate;

/** One lexed token: its kind, source text, literal value (if any) and offset in the source. */
record Token(TokenKind kind, String text, Object value, int offset) {

  boolean isValue() {
    return switch (kind) {
      case NUMBER, STRING, BOOLEAN, TIME, VARIABLE, ACCESSOR -> true;
      default -> false;
    };
  }

  String describe() {
    return kind == TokenKind.STRING ? "'" + text + "'" : text;
  }
}
