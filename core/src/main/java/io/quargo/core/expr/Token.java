package io.quargo.core.expr;

/** One lexeme with where it starts; {@code value} holds the decoded literal for numbers and strings. */
record Token(Kind kind, String text, Object value, int line, int column) {

  enum Kind { INT, FLOAT, STRING, IDENT, POINTER, OPERATOR, EOF }

  boolean isOp(String t) {
    return kind == Kind.OPERATOR && text.equals(t);
  }

  /** Keywords are lexed as identifiers; the parser decides by context whether they are words. */
  boolean isWord(String t) {
    return kind == Kind.IDENT && text.equals(t);
  }

  String describe() {
    return kind == Kind.EOF ? "end of expression" : "token '" + text + "'";
  }

  ExprException error(String reason) {
    return new ExprException(reason, line, column);
  }
}
