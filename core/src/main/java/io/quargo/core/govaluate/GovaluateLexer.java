package io.quargo.core.govaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a govaluate expression into tokens the way govaluate does, including its quirks: symbol runs are read
 * greedily ({@code a==-1} is the invalid token {@code ==-}), a string opened by one quote may close with the other,
 * and quoted dates become Unix seconds.
 */
final class GovaluateLexer {
  private static final Set<String> PREFIXES = Set.of("-", "!", "~");
  private static final Set<String> MODIFIERS = Set.of("+", "-", "*", "/", "%", "**", "&", "|", "^", ">>", "<<");
  private static final Set<String> LOGICALS = Set.of("&&", "||");
  private static final Set<String> COMPARATORS = Set.of("==", "!=", ">", ">=", "<", "<=", "=~", "!~");
  private static final Set<String> TERNARIES = Set.of("?", ":", "??");

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private GovaluateLexer(String src) {
    this.src = src;
  }

  static List<Token> lex(String src) {
    GovaluateLexer lexer = new GovaluateLexer(src);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (Character.isLetter(c)) {
        word();
      } else if (Character.isDigit(c) || c == '.') {
        number();
      } else if (c == '\'' || c == '"') {
        string();
      } else if (c == '[') {
        escapedVariable();
      } else if (c == '(' || c == ')' || c == ',') {
        TokenKind kind = c == '(' ? TokenKind.OPEN : c == ')' ? TokenKind.CLOSE : TokenKind.SEPARATOR;
        tokens.add(new Token(kind, String.valueOf(c), null, pos++));
      } else {
        symbol();
      }
    }
  }

  private void word() {
    int start = pos;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      // govaluate lets a backslash escape any character inside a name: Sensors write dep\-a for "dep-a".
      if (c == '\\' && pos + 1 < src.length()) {
        sb.append(src.charAt(pos + 1));
        pos += 2;
      } else if (isVariableChar(c)) {
        sb.append(c);
        pos++;
      } else {
        break;
      }
    }
    String word = sb.toString();
    if (word.equals("true") || word.equals("false")) {
      tokens.add(new Token(TokenKind.BOOLEAN, word, Boolean.valueOf(word), start));
    } else if (word.equals("in") || word.equals("IN")) {
      tokens.add(new Token(TokenKind.COMPARATOR, "in", null, start));
    } else if (word.indexOf('.') > 0) {
      accessor(word, start);
    } else {
      tokens.add(new Token(TokenKind.VARIABLE, word, word, start));
    }
  }

  /** govaluate reads {@code a.B.C} as field access and refuses lower-case (unexported) fields at parse time. */
  private void accessor(String word, int start) {
    if (word.endsWith(".")) {
      throw new GovaluateException(src, start, "hanging accessor on token '" + word + "'");
    }
    String[] parts = word.split("\\.", -1);
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty() || Character.toUpperCase(parts[i].codePointAt(0)) != parts[i].codePointAt(0)) {
        throw new GovaluateException(src, start, "unable to access unexported field '" + parts[i]
            + "' in token '" + word + "' (quote the value, e.g. '" + word + "')");
      }
    }
    tokens.add(new Token(TokenKind.ACCESSOR, word, parts, start));
  }

  private static boolean isVariableChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private void number() {
    int start = pos;
    if (src.startsWith("0x", pos)) {
      pos += 2;
      while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
        pos++;
      }
      String hex = src.substring(start + 2, pos);
      try {
        double value = Long.parseUnsignedLong(hex, 16);
        tokens.add(new Token(TokenKind.NUMBER, src.substring(start, pos), value, start));
        return;
      } catch (NumberFormatException e) {
        throw new GovaluateException(src, start, "unable to parse hex value '" + hex + "' to number");
      }
    }
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
      pos++;
    }
    String text = src.substring(start, pos);
    if (text.indexOf('.') != text.lastIndexOf('.') || text.equals(".")) {
      throw new GovaluateException(src, start, "unable to parse numeric value '" + text + "' to number");
    }
    tokens.add(new Token(TokenKind.NUMBER, text, Double.parseDouble(asciiDigits(text)), start));
  }

  /** Character.isDigit accepts non-ASCII digits; parseDouble does not, so map them to ASCII. */
  private static String asciiDigits(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(c == '.' ? '.' : (char) ('0' + Character.digit(c, 10)));
    }
    return sb.toString();
  }

  private void string() {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\' && pos < src.length()) {
        sb.append(src.charAt(pos++));
      } else if (c == '\'' || c == '"') {
        String value = sb.toString();
        Double time = GoTimes.tryParse(value);
        tokens.add(time != null
            ? new Token(TokenKind.TIME, value, time, start)
            : new Token(TokenKind.STRING, value, value, start));
        return;
      } else {
        sb.append(c);
      }
    }
    throw new GovaluateException(src, start, "unclosed string literal");
  }

  private void escapedVariable() {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\' && pos < src.length()) {
        sb.append(src.charAt(pos++));
      } else if (c == ']') {
        tokens.add(new Token(TokenKind.VARIABLE, sb.toString(), sb.toString(), start));
        return;
      } else {
        sb.append(c);
      }
    }
    throw new GovaluateException(src, start, "unclosed parameter bracket");
  }

  private void symbol() {
    int start = pos;
    while (pos < src.length() && isSymbolChar(src.charAt(pos))) {
      pos++;
    }
    String s = src.substring(start, pos);
    TokenKind kind = symbolKind(s);
    if (kind == null) {
      throw new GovaluateException(src, start, "invalid token '" + s + "'");
    }
    tokens.add(new Token(kind, s, null, start));
  }

  private TokenKind symbolKind(String s) {
    if (PREFIXES.contains(s) && prefixAllowed()) {
      return TokenKind.PREFIX;
    }
    if (MODIFIERS.contains(s)) {
      return TokenKind.MODIFIER;
    }
    if (LOGICALS.contains(s)) {
      return TokenKind.LOGICAL;
    }
    if (COMPARATORS.contains(s)) {
      return TokenKind.COMPARATOR;
    }
    return TERNARIES.contains(s) ? TokenKind.TERNARY : null;
  }

  /** A '-' is negation only where a value is expected: at the start, after '(' or after an operator. */
  private boolean prefixAllowed() {
    if (tokens.isEmpty()) {
      return true;
    }
    Token last = tokens.get(tokens.size() - 1);
    return !last.isValue() && last.kind() != TokenKind.CLOSE;
  }

  private static boolean isSymbolChar(char c) {
    return !(Character.isLetterOrDigit(c) || Character.isWhitespace(c) || c == '(' || c == ')' || c == '['
        || c == ']' || c == '\'' || c == '"' || c == ',' || c == '.');
  }
}
