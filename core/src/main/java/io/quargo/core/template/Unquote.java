package io.quargo.core.template;

/** strconv.Unquote for the three literal forms a template may contain. Null on "invalid syntax". */
final class Unquote {
  private Unquote() {}

  static String string(String quoted) {
    char q = quoted.charAt(0);
    String body = quoted.substring(1, quoted.length() - 1);
    if (q == '`') return body.replace("\r", "");
    StringBuilder out = new StringBuilder();
    int[] i = {0};
    while (i[0] < body.length()) {
      if (!next(body, i, q, out)) return null;
    }
    return out.toString();
  }

  /** A character constant's rune, or -1. */
  static int rune(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder();
    int[] i = {0};
    if (body.isEmpty() || !next(body, i, '\'', out) || i[0] != body.length()) return -1;
    return out.codePointCount(0, out.length()) != 1 ? -1 : out.codePointAt(0);
  }

  private static boolean next(String s, int[] at, char quote, StringBuilder out) {
    int i = at[0];
    char c = s.charAt(i);
    if (c == quote) return false;
    if (c != '\\') {
      out.append(c);
      at[0] = i + 1;
      return true;
    }
    if (i + 1 >= s.length()) return false;
    char e = s.charAt(i + 1);
    at[0] = i + 2;
    switch (e) {
      case 'a': out.append('\u0007'); return true;
      case 'b': out.append('\b'); return true;
      case 'f': out.append('\f'); return true;
      case 'n': out.append('\n'); return true;
      case 'r': out.append('\r'); return true;
      case 't': out.append('\t'); return true;
      case 'v': out.append('\u000b'); return true;
      case '\\': out.append('\\'); return true;
      case '\'': case '"':
        if (e != quote) return false;
        out.append(e);
        return true;
      case 'x': return hex(s, at, 2, out);
      case 'u': return hex(s, at, 4, out);
      case 'U': return hex(s, at, 8, out);
      default:
        if (e >= '0' && e <= '7') return octal(s, i + 1, at, out);
        return false;
    }
  }

  private static boolean hex(String s, int[] at, int n, StringBuilder out) {
    int i = at[0];
    if (i + n > s.length()) return false;
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = Character.digit(s.charAt(i + k), 16);
      if (d < 0) return false;
      v = v * 16 + d;
    }
    if (v < 0 || v > 0x10FFFF || (n > 2 && v >= 0xD800 && v <= 0xDFFF)) return false;
    out.appendCodePoint(v);
    at[0] = i + n;
    return true;
  }

  private static boolean octal(String s, int i, int[] at, StringBuilder out) {
    if (i + 3 > s.length()) return false;
    int v = 0;
    for (int k = 0; k < 3; k++) {
      char c = s.charAt(i + k);
      if (c < '0' || c > '7') return false;
      v = v * 8 + (c - '0');
    }
    if (v > 255) return false;
    out.append((char) v);
    at[0] = i + 3;
    return true;
  }
}
