package io.quargo.core.sprig;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** fmt's %v and strconv's float and quote formatting, as Go prints values. */
public final class GoPrint {
  /** No single printed value grows beyond this; shared sub-lists could otherwise print exponentially. */
  public static final int MAX_CHARS = 4 << 20;

  private GoPrint() {}

  public static String value(Object v) {
    StringBuilder out = new StringBuilder();
    append(out, v, 0);
    return out.toString();
  }

  static void append(StringBuilder out, Object v, int depth) {
    if (out.length() > MAX_CHARS || depth > 1000) {
      throw new Fail("value too large to print");
    }
    if (v == null) {
      out.append("<nil>");
    } else if (v instanceof Double d) {
      out.append(formatFloat(d, 'g', -1));
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) out.append(' ');
        append(out, list.get(i), depth + 1);
      }
      out.append(']');
    } else if (v instanceof Map<?, ?> map) {
      out.append("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        if (!first) out.append(' ');
        first = false;
        out.append(e.getKey()).append(':');
        append(out, e.getValue(), depth + 1);
      }
      out.append(']');
    } else {
      out.append(v);
    }
  }

  /** strconv.FormatFloat(v, fmt, prec, 64) for e, E, f, g, G; prec -1 is the shortest exact form. */
  public static String formatFloat(double v, char fmt, int prec) {
    if (Double.isNaN(v)) return "NaN";
    if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
    double a = Math.abs(v);
    boolean shortest = prec < 0;
    Digits d;
    char lower = Character.toLowerCase(fmt);
    if (shortest) {
      d = Digits.of(new BigDecimal(Double.toString(a)));
    } else if (lower == 'f') {
      d = Digits.of(new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN));
    } else {
      int sig = lower == 'e' ? prec + 1 : Math.max(prec, 1);
      d = Digits.of(new BigDecimal(a).round(new MathContext(sig, RoundingMode.HALF_EVEN)));
    }
    StringBuilder out = new StringBuilder();
    if (neg) out.append('-');
    switch (lower) {
      case 'e':
        return fmtE(out, d, shortest ? Math.max(d.nd() - 1, 0) : prec, fmt).toString();
      case 'f':
        return fmtF(out, d, shortest ? Math.max(d.nd() - d.dp, 0) : prec).toString();
      default:
        return fmtG(out, d, shortest ? d.nd() : Math.max(prec, 1), shortest, fmt).toString();
    }
  }

  private static StringBuilder fmtG(StringBuilder out, Digits d, int prec, boolean shortest, char fmt) {
    int eprec = prec;
    if (eprec > d.nd() && d.nd() >= d.dp) eprec = d.nd();
    if (shortest) eprec = 6;
    int exp = d.dp - 1;
    if (exp < -4 || exp >= eprec) {
      if (prec > d.nd()) prec = d.nd();
      return fmtE(out, d, Math.max(prec - 1, 0), fmt == 'G' ? 'E' : 'e');
    }
    if (prec > d.dp) prec = d.nd();
    return fmtF(out, d, Math.max(prec - d.dp, 0));
  }

  private static StringBuilder fmtE(StringBuilder out, Digits d, int prec, char e) {
    out.append(d.nd() == 0 ? '0' : d.digits.charAt(0));
    if (prec > 0) {
      out.append('.');
      for (int i = 1; i <= prec; i++) out.append(i < d.nd() ? d.digits.charAt(i) : '0');
    }
    int exp = d.nd() == 0 ? 0 : d.dp - 1;
    out.append(e == 'E' ? 'E' : 'e').append(exp < 0 ? '-' : '+');
    int ax = Math.abs(exp);
    if (ax < 10) out.append('0');
    return out.append(ax);
  }

  private static StringBuilder fmtF(StringBuilder out, Digits d, int prec) {
    if (d.dp > 0) {
      for (int i = 0; i < d.dp; i++) out.append(i < d.nd() ? d.digits.charAt(i) : '0');
    } else {
      out.append('0');
    }
    if (prec > 0) {
      out.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = d.dp + i - 1;
        out.append(j >= 0 && j < d.nd() ? d.digits.charAt(j) : '0');
      }
    }
    return out;
  }

  /** Decimal digits without leading or trailing zeros; value = 0.digits × 10^dp. */
  private record Digits(String digits, int dp) {
    static Digits of(BigDecimal b) {
      if (b.signum() == 0) return new Digits("", 0);
      BigDecimal s = b.stripTrailingZeros();
      String digits = s.unscaledValue().toString();
      return new Digits(digits, digits.length() - s.scale());
    }

    int nd() {
      return digits.length();
    }
  }

  /** strconv.Quote: double-quoted with Go escapes; non-printable runes as x, u or U escapes. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        case '\r': out.append("\\r"); break;
        case 7: out.append("\\a"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case 11: out.append("\\v"); break;
        default: appendRune(out, cp);
      }
    }
    return out.append('"').toString();
  }

  private static void appendRune(StringBuilder out, int cp) {
    if (isPrint(cp)) {
      out.appendCodePoint(cp);
    } else if (cp < ' ' || cp == 0x7f) {
      out.append(String.format("\\x%02x", cp));
    } else if (Character.isSurrogate((char) cp)) {
      out.append("\\ufffd");
    } else if (cp < 0x10000) {
      out.append(String.format("\\u%04x", cp));
    } else {
      out.append(String.format("\\U%08x", cp));
    }
  }

  static boolean isPrint(int cp) {
    if (cp == ' ') return true;
    if (cp < ' ' || cp == 0x7f || Character.isSurrogate((char) Math.min(cp, 0xffff)) && cp < 0x10000) {
      return false;
    }
    int type = Character.getType(cp);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
        && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR && type != Character.PRIVATE_USE
        && type != Character.SURROGATE;
  }
}
