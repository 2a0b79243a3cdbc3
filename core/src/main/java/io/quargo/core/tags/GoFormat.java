package io.quargo.core.tags;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Go's {@code fmt.Sprintf("%v", v)}, which is how Argo turns an expression result into text. */
public final class GoFormat {
  private GoFormat() {}

  public static String value(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double || v instanceof Float) {
      return float64(((Number) v).doubleValue());
    }
    if (v instanceof BigDecimal bd) {
      return bd.scale() <= 0 ? bd.toBigInteger().toString() : float64(bd.doubleValue());
    }
    if (v instanceof Number || v instanceof BigInteger || v instanceof Boolean || v instanceof CharSequence) {
      return v.toString();
    }
    if (v instanceof Collection<?> c) {
      StringBuilder sb = new StringBuilder("[");
      for (Object o : c) {
        sb.append(sb.length() == 1 ? "" : " ").append(value(o));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Map<?, ?> m) {
      // Go prints maps with sorted keys.
      StringBuilder sb = new StringBuilder("map[");
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
      sorted.forEach((k, val) -> sb.append(sb.length() == 4 ? "" : " ").append(k).append(':').append(value(val)));
      return sb.append(']').toString();
    }
    return v.toString();
  }

  /** float64 under %v: shortest digits; exponent form below 1e-4 or from 1e6 up (Go prints 1e+06). */
  public static String float64(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
    if (d == 0) {
      return sign + "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - bd.scale();
    int exp = dp - 1;
    if (exp < -4 || exp >= 6) {
      String mantissa = nd == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.valueOf(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    if (dp <= 0) {
      return sign + "0." + "0".repeat(-dp) + digits;
    }
    return dp >= nd ? sign + digits + "0".repeat(dp - nd)
        : sign + digits.substring(0, dp) + "." + digits.substring(dp);
  }
}
