package io.quargo.core.text;

import java.math.BigDecimal;

/**
 * Go's time.Duration as text: {@code ParseDuration} ("1h30m", "1.5s", ".5ms") and {@code String()}
 * ("1h0m0s", "1.5ms", "0s"), in nanoseconds. Shared by expr-lang's duration() and sprig.
 */
public final class GoDuration {
  private static final long HOUR = 3_600_000_000_000L;
  private static final long MINUTE = 60_000_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private GoDuration() {}

  /** Go's ParseDuration; a malformed text is an IllegalArgumentException with Go's message. */
  public static long parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      long unit = unitNanos(s.substring(unitStart, i), text);
      String digits = number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number;
      total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(unit)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(text);
    }
    long nanos = total.longValue();
    return negative ? -nanos : nanos;
  }

  /** Go's Duration.String(). */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    if (nanos == Long.MIN_VALUE) {
      return "-2562047h47m16.854775808s"; // its magnitude does not fit a long
    }
    String sign = nanos < 0 ? "-" : "";
    BigDecimal magnitude = BigDecimal.valueOf(Math.abs(nanos));
    if (magnitude.compareTo(BigDecimal.valueOf(SECOND)) < 0) {
      long n = magnitude.longValue();
      if (n < 1_000) {
        return sign + n + "ns";
      }
      return sign + (n < 1_000_000 ? fraction(n, 1_000) + "µs" : fraction(n, 1_000_000) + "ms");
    }
    long n = magnitude.longValue();
    long hours = n / HOUR;
    long minutes = n % HOUR / MINUTE;
    String seconds = fraction(n % MINUTE, SECOND) + "s";
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    return sign + (minutes > 0 ? minutes + "m" : "") + seconds;
  }

  private static String fraction(long n, long unit) {
    return new BigDecimal(n).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
  }

  private static long unitNanos(String unit, String text) {
    switch (unit) {
      case "ns": return 1L;
      case "us": case "µs": case "μs": return 1_000L;
      case "ms": return 1_000_000L;
      case "s": return SECOND;
      case "m": return MINUTE;
      case "h": return HOUR;
      case "": throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
      default: throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration " + quote(text));
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration " + quote(text));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
