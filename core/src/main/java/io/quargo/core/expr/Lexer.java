package io.quargo.core.expr;

import io.quargo.core.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Hand-written scanner for expr-lang source; tracks line and column for every token. */
final class Lexer {
  private static final String[] OPERATORS = {
    "**", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "..",
    "+", "-", "*", "/", "%", "^", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
    "|", ";", "="
  };

  private final String src;
  private final int maxTokens;
  private int pos;
  private int line = 1;
  private int col = 1;
  private final List<Token> out = new ArrayList<>();

  private Lexer(String src, int maxTokens) {
    this.src = src;
    this.maxTokens = maxTokens;
  }

  static List<Token> lex(String src, int maxTokens) {
    Lexer lexer = new Lexer(src, maxTokens);
    lexer.run();
    return lexer.out;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (out.size() >= maxTokens) {
        throw new ExprException("expression has too many tokens (limit " + maxTokens + ")", line, col);
      }
      if (pos >= src.length()) {
        out.add(new Token(Kind.EOF, "", null, line, col));
        return;
      }
      out.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance(1);
      } else if (src.startsWith("//", pos)) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          advance(1);
        }
      } else if (src.startsWith("/*", pos)) {
        int startLine = line;
        int startCol = col;
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new ExprException("unclosed comment", startLine, startCol);
        }
        advance(end + 2 - pos);
      } else {
        return;
      }
    }
  }

  private Token next() {
    char c = src.charAt(pos);
    int l = line;
    int k = col;
    if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
      return number(l, k);
    }
    if (c == '"' || c == '\'') {
      StringLiterals.Decoded d = StringLiterals.decode(src, pos, l, k);
      advance(d.length());
      return new Token(Kind.STRING, src.substring(pos - d.length(), pos), d.value(), l, k);
    }
    if (c == '`') {
      int end = src.indexOf('`', pos + 1);
      if (end < 0) {
        throw new ExprException("literal not terminated", l, k);
      }
      String raw = src.substring(pos + 1, end);
      advance(end + 1 - pos);
      return new Token(Kind.STRING, "`" + raw + "`", raw, l, k);
    }
    if (c == '#') {
      advance(1);
      String name = identifierAt();
      return new Token(Kind.POINTER, "#" + name, name, l, k);
    }
    if (isIdentStart(c)) {
      String name = identifierAt();
      return new Token(Kind.IDENT, name, null, l, k);
    }
    return operator(l, k);
  }

  private Token operator(int l, int k) {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        // "?." followed by a digit is a ternary with a float branch, as in `a ?.5 : 1`.
        if (op.equals("?.") && pos + 2 < src.length() && isDigit(src.charAt(pos + 2))) {
          continue;
        }
        advance(op.length());
        return new Token(Kind.OPERATOR, op, null, l, k);
      }
    }
    int cp = src.codePointAt(pos);
    throw new ExprException("unrecognized character '" + new String(Character.toChars(cp)) + "'", l, k);
  }

  private String identifierAt() {
    int start = pos;
    while (pos < src.length() && isIdentPart(src.charAt(pos))) {
      advance(1);
    }
    return src.substring(start, pos);
  }

  private Token number(int l, int k) {
    int start = pos;
    if (src.startsWith("0x", pos) || src.startsWith("0X", pos) || src.startsWith("0o", pos)
        || src.startsWith("0O", pos) || src.startsWith("0b", pos) || src.startsWith("0B", pos)) {
      advance(2);
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        advance(1);
      }
      String text = src.substring(start, pos);
      return new Token(Kind.INT, text, Numbers.parseRadixInt(text, l, k), l, k);
    }
    boolean isFloat = false;
    digits();
    // "1..3" is a range: a dot followed by a dot ends the number.
    if (pos < src.length() && src.charAt(pos) == '.' && !src.startsWith("..", pos)) {
      isFloat = true;
      advance(1);
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      isFloat = true;
      advance(1);
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        advance(1);
      }
      if (pos >= src.length() || !isDigit(src.charAt(pos))) {
        throw new ExprException("invalid float literal '" + src.substring(start, pos) + "'", l, k);
      }
      digits();
    }
    if (pos < src.length() && isIdentStart(src.charAt(pos))) {
      throw new ExprException("bad number syntax '" + src.substring(start, pos + 1) + "'", l, k);
    }
    String text = src.substring(start, pos);
    Object value = isFloat ? (Object) Numbers.parseFloat(text, l, k) : (Object) Numbers.parseDecimalInt(text, l, k);
    return new Token(isFloat ? Kind.FLOAT : Kind.INT, text, value, l, k);
  }

  private void digits() {
    while (pos < src.length() && (isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      advance(1);
    }
  }

  private void advance(int n) {
    for (int i = 0; i < n; i++) {
      if (src.charAt(pos) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
