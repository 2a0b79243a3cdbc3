package io.quargo.core.expr;

/** Decodes quoted string literals with Go's escape rules (expr uses strconv.Unquote semantics). */
final class StringLiterals {
  record Decoded(String value, int length) {}

  private StringLiterals() {}

  /** Decodes the literal starting at {@code start} (a quote); length counts both quotes. */
  static Decoded decode(String src, int start, int line, int col) {
    char quote = src.charAt(start);
    StringBuilder sb = new StringBuilder();
    int i = start + 1;
    while (true) {
      if (i >= src.length() || src.charAt(i) == '\n') {
        throw new ExprException("literal not terminated", line, col);
      }
      char c = src.charAt(i);
      if (c == quote) {
        return new Decoded(sb.toString(), i + 1 - start);
      }
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      i = escape(src, i + 1, sb, line, col);
    }
  }

  /** Appends the escape starting after the backslash at {@code i}; returns the index after it. */
  private static int escape(String src, int i, StringBuilder sb, int line, int col) {
    if (i >= src.length()) {
      throw new ExprException("literal not terminated", line, col);
    }
    char e = src.charAt(i);
    switch (e) {
      case 'a': sb.append('\u0007'); return i + 1;
      case 'b': sb.append('\b'); return i + 1;
      case 'f': sb.append('\f'); return i + 1;
      case 'n': sb.append('\n'); return i + 1;
      case 'r': sb.append('\r'); return i + 1;
      case 't': sb.append('\t'); return i + 1;
      case 'v': sb.append('\u000b'); return i + 1;
      case '\\': case '\'': case '"': sb.append(e); return i + 1;
      case 'x': return hex(src, i + 1, 2, sb, line, col);
      case 'u': return hex(src, i + 1, 4, sb, line, col);
      case 'U': return hex(src, i + 1, 8, sb, line, col);
      default:
        if (e >= '0' && e <= '7') {
          return octal(src, i, sb, line, col);
        }
        throw new ExprException("invalid char escape '\\" + e + "'", line, col);
    }
  }

  private static int hex(String src, int i, int n, StringBuilder sb, int line, int col) {
    if (i + n > src.length()) {
      throw new ExprException("invalid char escape", line, col);
    }
    int cp = 0;
    for (int j = 0; j < n; j++) {
      int d = Character.digit(src.charAt(i + j), 16);
      if (d < 0) {
        throw new ExprException("invalid char escape", line, col);
      }
      cp = cp * 16 + d;
    }
    if (cp < 0 || cp > Character.MAX_CODE_POINT || (n > 2 && cp >= 0xD800 && cp <= 0xDFFF)) {
      throw new ExprException("invalid unicode code point in escape", line, col);
    }
    sb.appendCodePoint(cp);
    return i + n;
  }

  private static int octal(String src, int i, StringBuilder sb, int line, int col) {
    if (i + 3 > src.length()) {
      throw new ExprException("invalid char escape", line, col);
    }
    int v = 0;
    for (int j = 0; j < 3; j++) {
      char c = src.charAt(i + j);
      if (c < '0' || c > '7') {
        throw new ExprException("invalid char escape", line, col);
      }
      v = v * 8 + (c - '0');
    }
    if (v > 255) {
      throw new ExprException("octal escape value > 255", line, col);
    }
    sb.append((char) v);
    return i + 3;
  }
}
