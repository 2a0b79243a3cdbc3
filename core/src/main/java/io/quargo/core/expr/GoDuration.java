package io.quargo.core.expr;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's time.Duration text: parsing {@code "1h30m"}, {@code "1.5s"}, and String() like {@code 1h0m0s}. */
final class GoDuration {
  private GoDuration() {}

  static Duration parse(String s) {
    String in = s;
    boolean neg = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      neg = s.startsWith("-");
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new EvalFailure("time: invalid duration \"" + in + "\"");
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String num = s.substring(start, unitStart);
      long unit = unitNanos(s.substring(unitStart, i), in);
      if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) {
        throw new EvalFailure("time: invalid duration \"" + in + "\"");
      }
      total = total.add(new BigDecimal(num.startsWith(".") ? "0" + num : num).multiply(BigDecimal.valueOf(unit)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new EvalFailure("time: invalid duration \"" + in + "\"");
    }
    long nanos = total.longValue();
    return Duration.ofNanos(neg ? -nanos : nanos);
  }

  private static long unitNanos(String unit, String in) {
    switch (unit) {
      case "ns": return 1L;
      case "us": case "µs": case "μs": return 1_000L;
      case "ms": return 1_000_000L;
      case "s": return 1_000_000_000L;
      case "m": return 60_000_000_000L;
      case "h": return 3_600_000_000_000L;
      case "": throw new EvalFailure("time: missing unit in duration \"" + in + "\"");
      default: throw new EvalFailure("time: unknown unit \"" + unit + "\" in duration \"" + in + "\"");
    }
  }

  static String format(Duration d) {
    long n;
    try {
      n = d.toNanos();
    } catch (ArithmeticException e) {
      return d.toString();
    }
    if (n == 0) {
      return "0s";
    }
    String sign = n < 0 ? "-" : "";
    long u = Math.abs(n);
    if (u < 1_000L) {
      return sign + u + "ns";
    }
    if (u < 1_000_000L) {
      return sign + fraction(u, 1_000L) + "µs";
    }
    if (u < 1_000_000_000L) {
      return sign + fraction(u, 1_000_000L) + "ms";
    }
    long h = u / 3_600_000_000_000L;
    long rem = u % 3_600_000_000_000L;
    long m = rem / 60_000_000_000L;
    long ns = rem % 60_000_000_000L;
    StringBuilder sb = new StringBuilder(sign);
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    return sb.append(fraction(ns, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    String frac = Long.toString(value % unit);
    int width = Long.toString(unit).length() - 1;
    frac = "0".repeat(width - frac.length()) + frac;
    frac = frac.replaceAll("0+$", "");
    return value / unit + (frac.isEmpty() ? "" : "." + frac);
  }
}
