package io.quargo.core.sprig;

import io.quargo.core.text.GoJsonStrings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** encoding/json's Marshal: sorted keys, Go float text, optional HTML escaping and indent. */
final class GoJson {
  private GoJson() {}

  /** Failures (NaN, Inf) yield "" when lenient, as sprig's toJson ignores the error. */
  static String encode(Object v, boolean escapeHtml, boolean pretty, boolean lenient) {
    StringBuilder out = new StringBuilder();
    try {
      write(out, v, escapeHtml, pretty ? "" : null, 0);
    } catch (Fail f) {
      if (lenient) return "";
      throw f;
    }
    return out.toString();
  }

  private static void write(StringBuilder out, Object v, boolean html, String indent, int depth) {
    if (depth > 1000 || out.length() > GoPrint.MAX_CHARS) throw new Fail("json: value too large");
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(out, s, html);
    } else if (v instanceof Double d) {
      out.append(number(d));
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) { out.append("[]"); return; }
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) out.append(',');
        newline(out, indent, depth + 1);
        write(out, l.get(i), html, indent, depth + 1);
      }
      newline(out, indent, depth);
      out.append(']');
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) { out.append("{}"); return; }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        if (!first) out.append(',');
        first = false;
        newline(out, indent, depth + 1);
        string(out, String.valueOf(e.getKey()), html);
        out.append(indent == null ? ":" : ": ");
        write(out, e.getValue(), html, indent, depth + 1);
      }
      newline(out, indent, depth);
      out.append('}');
    } else if (v instanceof GoTime t) {
      string(out, GoTimeLayout.format(t.time(), "2006-01-02T15:04:05.999999999Z07:00"), html);
    } else {
      out.append(v);
    }
  }

  private static void newline(StringBuilder out, String indent, int depth) {
    if (indent != null) out.append('\n').append("  ".repeat(depth));
  }

  /** Go: 'f' format unless the exponent is < -6 or >= 21, then 'e' with a trimmed exponent. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new Fail("json: unsupported value: " + GoPrint.formatFloat(d, 'g', -1));
    }
    double a = Math.abs(d);
    if (a != 0 && (a < 1e-6 || a >= 1e21)) {
      String s = GoPrint.formatFloat(d, 'e', -1);
      int e = s.indexOf('e');
      String exp = s.substring(e + 2);
      if (exp.length() == 2 && exp.charAt(0) == '0') exp = exp.substring(1);
      return s.substring(0, e + 2) + exp;
    }
    return GoPrint.formatFloat(d, 'f', -1);
  }

  private static void string(StringBuilder out, String s, boolean html) {
    GoJsonStrings.quote(out, s, html);
  }
}
