package io.quargo.core.govaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** govaluate's value model: every number is a float64, and values print as Go's {@code %v} prints them. */
final class GoValues {
  private GoValues() {}

  /** Parameters are normalised like govaluate's sanitizedParameters: all numbers become doubles. */
  static Object normalize(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Character c) {
      return c.toString();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(normalize(o));
      }
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put(k, normalize(val)));
      return out;
    }
    return v;
  }

  static String format(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double d) {
      return formatFloat(d);
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(format(list.get(i)));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(v);
  }

  /** Go's %v for float64: shortest digits, exponent form when the exponent is below -4 or at least 6 (1e+06). */
  static String formatFloat(double d) {
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
    if (dp >= nd) {
      return sign + digits + "0".repeat(dp - nd);
    }
    return sign + digits.substring(0, dp) + "." + digits.substring(dp);
  }

  static String typeName(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof Double) {
      return "number";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof List) {
      return "list";
    }
    return v instanceof Map ? "map" : v.getClass().getSimpleName();
  }
}
