package io.quargo.core.sprig;

import java.math.BigDecimal;

/** time.Duration's String() and ParseDuration, in nanoseconds. */
public final class GoDuration {
  private GoDuration() {}

  /** Go's Duration.String: "1h2m3.5s", "1.5ms", "0s". */
  public static String format(long nanos) {
    if (nanos == 0) return "0s";
    boolean neg = nanos < 0;
    BigDecimal u = BigDecimal.valueOf(nanos).abs();
    String out;
    if (u.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
      long n = u.longValue();
      if (n < 1_000) out = n + "ns";
      else if (n < 1_000_000) out = fraction(n, 1_000) + "µs";
      else out = fraction(n, 1_000_000) + "ms";
    } else {
      long n = u.longValue();
      long hours = n / 3_600_000_000_000L;
      long rest = n % 3_600_000_000_000L;
      long minutes = rest / 60_000_000_000L;
      String secs = fraction(rest % 60_000_000_000L, 1_000_000_000L) + "s";
      if (hours > 0) out = hours + "h" + minutes + "m" + secs;
      else if (minutes > 0) out = minutes + "m" + secs;
      else out = secs;
    }
    return neg ? "-" + out : out;
  }

  private static String fraction(long n, long unit) {
    return new BigDecimal(n).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
  }

  /** time.ParseDuration; null when Go would return an error. */
  public static Long parse(String s) {
    String t = s;
    boolean neg = false;
    if (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
      neg = t.charAt(0) == '-';
      t = t.substring(1);
    }
    if (t.equals("0")) return 0L;
    if (t.isEmpty()) return null;
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < t.length()) {
      int start = i;
      while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
      String num = t.substring(start, i);
      if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) return null;
      int ustart = i;
      while (i < t.length() && !Character.isDigit(t.charAt(i)) && t.charAt(i) != '.') i++;
      Long unit = unit(t.substring(ustart, i));
      if (unit == null) return null;
      total = total.add(new BigDecimal(num.endsWith(".") ? num + "0" : num).multiply(BigDecimal.valueOf(unit)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) return null;
    long v = total.longValue();
    return neg ? -v : v;
  }

  private static Long unit(String u) {
    switch (u) {
      case "ns": return 1L;
      case "us": case "µs": case "μs": return 1_000L;
      case "ms": return 1_000_000L;
      case "s": return 1_000_000_000L;
      case "m": return 60_000_000_000L;
      case "h": return 3_600_000_000_000L;
      default: return null;
    }
  }
}
