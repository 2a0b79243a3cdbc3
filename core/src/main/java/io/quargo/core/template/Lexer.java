package io.quargo.core.template;

import io.quargo.core.template.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Splits template source into tokens the way Go's text/template lexer does, including the
 * "{{- " / " -}}" whitespace trimming and "/* *&#47;" comments. A lexical error ends the stream with
 * an ERROR token the parser reports when it reaches it.
 */
final class Lexer {
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";
  private static final Map<String, Kind> KEYWORDS = Map.of(
      "block", Kind.BLOCK, "break", Kind.BREAK, "continue", Kind.CONTINUE, "define", Kind.DEFINE,
      "else", Kind.ELSE, "end", Kind.END, "if", Kind.IF, "range", Kind.RANGE, "template", Kind.TEMPLATE,
      "with", Kind.WITH);

  private final String in;
  private final int[] lineStarts;
  private final List<Token> out = new ArrayList<>();
  private int pos;
  private int start;
  private int parenDepth;

  private Lexer(String in) {
    this.in = in;
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < in.length(); i++) {
      if (in.charAt(i) == '\n') {
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  static List<Token> lex(String text) {
    Lexer l = new Lexer(text);
    l.run();
    return l.out;
  }

  Position position(int offset) {
    int idx = Arrays.binarySearch(lineStarts, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    return new Position(offset, line + 1, offset - lineStarts[line]);
  }

  private void run() {
    boolean ok = true;
    while (ok) {
      ok = lexText() && lexInsideAction();
    }
  }

  private void emit(Kind kind) {
    out.add(new Token(kind, in.substring(start, pos), position(start)));
    start = pos;
  }

  private boolean error(String message) {
    out.add(new Token(Kind.ERROR, message, position(start)));
    return false;
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isAlnum(int c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private int peek() {
    return pos < in.length() ? in.charAt(pos) : -1;
  }

  /** Text up to the next action; false at EOF. */
  private boolean lexText() {
    int x = in.indexOf(LEFT, pos);
    if (x < 0) {
      pos = in.length();
      if (pos > start) emit(Kind.TEXT);
      out.add(new Token(Kind.EOF, "", position(pos)));
      return false;
    }
    boolean trim = hasLeftTrim(x + LEFT.length());
    int textEnd = x;
    if (trim) {
      while (textEnd > start && isSpace(in.charAt(textEnd - 1))) textEnd--;
    }
    pos = textEnd;
    if (pos > start) emit(Kind.TEXT);
    pos = x;
    start = x;
    int after = x + LEFT.length() + (trim ? 2 : 0);
    if (in.startsWith("/*", after)) {
      pos = after;
      start = pos;
      return lexComment() && lexText();
    }
    pos = x + LEFT.length();
    emit(Kind.LEFT_DELIM);
    pos += trim ? 2 : 0;
    start = pos;
    parenDepth = 0;
    return true;
  }

  private boolean hasLeftTrim(int at) {
    return at + 1 < in.length() && in.charAt(at) == '-' && isSpace(in.charAt(at + 1));
  }

  private boolean hasRightTrim(int at) {
    return at + 1 < in.length() && isSpace(in.charAt(at)) && in.charAt(at + 1) == '-'
        && in.startsWith(RIGHT, at + 2);
  }

  private boolean lexComment() {
    int end = in.indexOf("*/", pos);
    if (end < 0) return error("unclosed comment");
    pos = end + 2;
    boolean trim = hasRightTrim(pos);
    if (!trim && !in.startsWith(RIGHT, pos)) return error("comment ends before closing delimiter");
    pos += (trim ? 2 : 0) + RIGHT.length();
    if (trim) skipLeadingSpace();
    start = pos;
    return true;
  }

  private void skipLeadingSpace() {
    while (pos < in.length() && isSpace(in.charAt(pos))) pos++;
  }

  /** Tokens of one action, through its closing delimiter; false after an error. */
  private boolean lexInsideAction() {
    while (true) {
      boolean trim = hasRightTrim(pos);
      if (trim || in.startsWith(RIGHT, pos)) {
        if (parenDepth != 0) return error("unclosed left paren");
        if (trim) pos += 2;
        start = pos;
        pos += RIGHT.length();
        emit(Kind.RIGHT_DELIM);
        if (trim) skipLeadingSpace();
        start = pos;
        return true;
      }
      if (pos >= in.length()) return error("unclosed action");
      if (!lexActionToken()) return false;
    }
  }

  private boolean lexActionToken() {
    int c = in.codePointAt(pos);
    if (isSpace(c)) return lexSpace();
    pos += Character.charCount(c);
    switch (c) {
      case '=': emit(Kind.ASSIGN); return true;
      case ':':
        if (peek() != '=') return error("expected :=");
        pos++;
        emit(Kind.DECLARE);
        return true;
      case '|': emit(Kind.PIPE); return true;
      case ',': emit(Kind.COMMA); return true;
      case '"': return lexQuote('"', Kind.STRING, "unterminated quoted string");
      case '\'': return lexQuote('\'', Kind.CHAR_CONSTANT, "unterminated character constant");
      case '`': return lexRaw();
      case '$': return lexFieldOrVariable(Kind.VARIABLE);
      case '(': parenDepth++; emit(Kind.LEFT_PAREN); return true;
      case ')':
        if (--parenDepth < 0) return error("unexpected right paren");
        emit(Kind.RIGHT_PAREN);
        return true;
      default: break;
    }
    if (c == '.' && !(peek() >= '0' && peek() <= '9')) return lexFieldOrVariable(Kind.FIELD);
    if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9')) {
      pos = start;
      return lexNumber();
    }
    if (isAlnum(c)) {
      pos = start;
      return lexIdentifier();
    }
    if (c < 0x7f && c >= ' ') {
      emit(Kind.CHAR);
      return true;
    }
    return error("unrecognized character in action: " + unicodeName(c));
  }

  static String unicodeName(int c) {
    String hex = Integer.toHexString(c).toUpperCase();
    return "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex
        + (Character.isISOControl(c) ? "" : " '" + new String(Character.toChars(c)) + "'");
  }

  private boolean lexSpace() {
    int spaces = 0;
    while (pos < in.length() && isSpace(in.charAt(pos))) {
      pos++;
      spaces++;
    }
    if (hasRightTrim(pos - 1)) {
      pos--;
      if (spaces == 1) {
        start = pos;
        return true;
      }
    }
    emit(Kind.SPACE);
    return true;
  }

  private boolean lexQuote(char quote, Kind kind, String unterminated) {
    while (true) {
      int c = peek();
      pos++;
      if (c == '\\') {
        int n = peek();
        if (n != -1 && n != '\n') {
          pos++;
          continue;
        }
        return error(unterminated);
      }
      if (c == -1 || c == '\n') return error(unterminated);
      if (c == quote) break;
    }
    emit(kind);
    return true;
  }

  private boolean lexRaw() {
    int end = in.indexOf('`', pos);
    if (end < 0) return error("unterminated raw quoted string");
    pos = end + 1;
    emit(Kind.RAW_STRING);
    return true;
  }

  private boolean atTerminator() {
    int c = peek();
    if (c == -1 || isSpace(c)) return true;
    if (".,|:()".indexOf(c) >= 0) return true;
    return in.startsWith(RIGHT, pos);
  }

  private boolean lexFieldOrVariable(Kind kind) {
    if (atTerminator()) {
      emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
      return true;
    }
    while (pos < in.length() && isAlnum(in.codePointAt(pos))) pos += Character.charCount(in.codePointAt(pos));
    if (!atTerminator()) return error("bad character " + unicodeName(in.codePointAt(pos)));
    emit(kind);
    return true;
  }

  private boolean lexIdentifier() {
    while (pos < in.length() && isAlnum(in.codePointAt(pos))) pos += Character.charCount(in.codePointAt(pos));
    if (!atTerminator()) return error("bad character " + unicodeName(in.codePointAt(pos)));
    String word = in.substring(start, pos);
    Kind k = KEYWORDS.get(word);
    if (k != null) emit(k);
    else if (word.equals("true") || word.equals("false")) emit(Kind.BOOL);
    else if (word.equals("nil")) emit(Kind.NIL);
    else emit(Kind.IDENTIFIER);
    return true;
  }

  private boolean lexNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) acceptRun(digits);
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (pos < in.length() && isAlnum(in.codePointAt(pos))) {
      pos += Character.charCount(in.codePointAt(pos));
      return error("bad number syntax: " + io.quargo.core.sprig.GoPrint.quote(in.substring(start, pos)));
    }
    emit(Kind.NUMBER);
    return true;
  }

  private boolean accept(String valid) {
    if (pos < in.length() && valid.indexOf(in.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consume
    }
  }
}
