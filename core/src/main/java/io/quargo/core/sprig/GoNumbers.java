package io.quargo.core.sprig;

import java.math.BigInteger;

/** strconv.ParseInt / ParseFloat as Go reads them: base prefixes, underscores, Inf and NaN. */
public final class GoNumbers {
  private GoNumbers() {}

  /** ParseInt(s, base, 64); base 0 infers from the prefix. Null when Go would return an error. */
  public static Long parseInt(String s, int base) {
    if (s.isEmpty()) return null;
    boolean neg = false;
    String t = s;
    if (t.charAt(0) == '+' || t.charAt(0) == '-') {
      neg = t.charAt(0) == '-';
      t = t.substring(1);
    }
    if (base == 0) {
      base = 10;
      String lower = t.toLowerCase();
      if (lower.startsWith("0x")) { base = 16; t = t.substring(2); }
      else if (lower.startsWith("0o")) { base = 8; t = t.substring(2); }
      else if (lower.startsWith("0b")) { base = 2; t = t.substring(2); }
      else if (t.length() > 1 && t.charAt(0) == '0') { base = 8; t = t.substring(1); }
      if (!underscoresOk(s)) return null;
      t = t.replace("_", "");
    }
    if (t.isEmpty() || t.charAt(0) == '+' || t.charAt(0) == '-') return null;
    try {
      BigInteger v = new BigInteger(t, base);
      if (neg) v = v.negate();
      return v.bitLength() < 64 ? v.longValue() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Underscores only between digits (or after a base prefix), as Go's underscoreOK. */
  private static boolean underscoresOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) i++;
    boolean hex = false;
    if (s.length() - i >= 2 && s.charAt(i) == '0') {
      char c = Character.toLowerCase(s.charAt(i + 1));
      if (c == 'x' || c == 'o' || c == 'b') {
        hex = c == 'x';
        i += 2;
        saw = '0';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean digit = (c >= '0' && c <= '9') || (hex && Character.digit(c, 16) >= 0);
      if (digit) { saw = '0'; continue; }
      if (c == '_') {
        if (saw != '0') return false;
        saw = '_';
        continue;
      }
      if (saw == '_') return false;
      saw = '!';
    }
    return saw != '_';
  }

  /** ParseFloat(s, 64) for decimal and hex forms, Inf and NaN. Null on a syntax error. */
  public static Double parseFloat(String s) {
    String t = s;
    String lower = t.toLowerCase();
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) return Double.NaN;
    if (t.contains("_")) {
      if (!underscoresOk(t)) return null;
      t = t.replace("_", "");
    }
    if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
        && !t.matches("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+")) {
      return null;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
