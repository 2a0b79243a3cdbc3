package io.quargo.core.expr;

/** Numeric literal parsing with Go's rules (underscores, 0x/0o/0b prefixes, int64 range). */
final class Numbers {
  private Numbers() {}

  static Long parseDecimalInt(String text, int line, int col) {
    String digits = clean(text, line, col);
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      // Go reads a leading zero as octal.
      return parse(digits.substring(1), 8, text, line, col);
    }
    return parse(digits, 10, text, line, col);
  }

  static Long parseRadixInt(String text, int line, int col) {
    char kind = Character.toLowerCase(text.charAt(1));
    int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
    return parse(clean(text.substring(2), line, col), radix, text, line, col);
  }

  static Double parseFloat(String text, int line, int col) {
    try {
      return Double.valueOf(clean(text, line, col));
    } catch (NumberFormatException e) {
      throw new ExprException("invalid float literal '" + text + "'", line, col);
    }
  }

  private static Long parse(String digits, int radix, String text, int line, int col) {
    if (digits.isEmpty()) {
      throw new ExprException("invalid integer literal '" + text + "'", line, col);
    }
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException e) {
      throw new ExprException("invalid integer literal '" + text + "' (out of range or bad digit)", line, col);
    }
  }

  private static String clean(String text, int line, int col) {
    if (text.startsWith("_") || text.endsWith("_") || text.contains("__")) {
      throw new ExprException("invalid number literal '" + text + "'", line, col);
    }
    return text.replace("_", "");
  }
}
