package io.quargo.core.template;

/** One lexeme of a template. */
record Token(Kind kind, String text, Position pos) {
  enum Kind {
    TEXT, LEFT_DELIM, RIGHT_DELIM, SPACE, IDENTIFIER, FIELD, VARIABLE, STRING, RAW_STRING, CHAR_CONSTANT,
    NUMBER, BOOL, NIL, DOT, PIPE, LEFT_PAREN, RIGHT_PAREN, DECLARE, ASSIGN, COMMA, CHAR, EOF, ERROR,
    BLOCK, BREAK, CONTINUE, DEFINE, ELSE, END, IF, RANGE, TEMPLATE, WITH;

    boolean isKeyword() {
      return ordinal() >= BLOCK.ordinal();
    }
  }

  /** Go's item String(): used verbatim in "unexpected X in Y" messages. */
  String describe() {
    if (kind == Kind.EOF) return "EOF";
    if (kind == Kind.ERROR) return text;
    if (kind.isKeyword()) return "<" + text + ">";
    if (text.length() > 10) {
      return io.quargo.core.sprig.GoPrint.quote(text.substring(0, 10)) + "...";
    }
    return io.quargo.core.sprig.GoPrint.quote(text);
  }
}
