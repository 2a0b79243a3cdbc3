package io.quargo.core.expr;

import java.math.BigDecimal;

/** Go's shortest float formatting, as {@code fmt}'s {@code %v} and {@code encoding/json} print floats. */
final class GoFloat {
  private GoFloat() {}

  /** Decimal digits and the position of the decimal point: value = 0.digits × 10^point. */
  private record Decimal(boolean negative, String digits, int point) {}

  private static Decimal decimal(double d) {
    boolean neg = d < 0 || (d == 0 && 1 / d < 0);
    if (d == 0) {
      return new Decimal(neg, "0", 1);
    }
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    return new Decimal(neg, digits, digits.length() - bd.scale());
  }

  /** fmt's {@code %v}: shortest digits, exponent form when exp < -4 or exp >= 6 (1e6 prints 1e+06). */
  static String formatV(double d) {
    return formatG(d, 6);
  }

  static String formatG(double d, int eprec) {
    String special = special(d);
    if (special != null) {
      return special;
    }
    Decimal dec = decimal(d);
    int exp = dec.point - 1;
    String body = exp < -4 || exp >= eprec ? exponent(dec) : fixed(dec);
    return dec.negative ? "-" + body : body;
  }

  /** encoding/json: fixed unless |d| < 1e-6 or >= 1e21, exponents without zero padding. */
  static String formatJson(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new EvalFailure("json: unsupported value: " + special(d));
    }
    Decimal dec = decimal(d);
    double abs = Math.abs(d);
    String body;
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      body = exponent(dec).replace("e-0", "e-").replace("e+0", "e+");
    } else {
      body = fixed(dec);
    }
    return dec.negative ? "-" + body : body;
  }

  private static String special(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return null;
  }

  private static String exponent(Decimal dec) {
    String m = dec.digits.length() == 1 ? dec.digits : dec.digits.charAt(0) + "." + dec.digits.substring(1);
    int exp = dec.point - 1;
    String e = Integer.toString(Math.abs(exp));
    return m + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
  }

  private static String fixed(Decimal dec) {
    String ds = dec.digits;
    int point = dec.point;
    if (point <= 0) {
      return "0." + "0".repeat(-point) + ds;
    }
    if (point >= ds.length()) {
      return ds + "0".repeat(point - ds.length());
    }
    return ds.substring(0, point) + "." + ds.substring(point);
  }
}
