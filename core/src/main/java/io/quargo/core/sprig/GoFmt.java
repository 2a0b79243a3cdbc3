package io.quargo.core.sprig;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** fmt.Sprintf, Sprint and Sprintln over the Go-like value model, with Go's %!verb(type=value) errors. */
public final class GoFmt {
  private GoFmt() {}

  /** fmt.Sprint: a space between operands when neither side is a string. */
  public static String sprint(List<Object> args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (i > 0 && !(a instanceof String) && !(args.get(i - 1) instanceof String)) out.append(' ');
      out.append(GoPrint.value(a));
      check(out);
    }
    return out.toString();
  }

  /** fmt.Sprintln: always spaces between operands, then a newline. */
  public static String sprintln(List<Object> args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) out.append(' ');
      out.append(GoPrint.value(args.get(i)));
      check(out);
    }
    return out.append('\n').toString();
  }

  private static void check(StringBuilder out) {
    if (out.length() > GoPrint.MAX_CHARS) throw new Fail("value too large to print");
  }

  public static String sprintf(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int argi = 0;
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      Spec spec = new Spec();
      for (; i < n && "-+# 0".indexOf(format.charAt(i)) >= 0; i++) spec.flag(format.charAt(i));
      if (i < n && format.charAt(i) == '*') {
        i++;
        Object w = argi < args.size() ? args.get(argi++) : null;
        if (w instanceof Long l && Math.abs(l) < 1_000_000) {
          spec.width = (int) Math.abs(l);
          if (l < 0) spec.minus = true;
        } else {
          out.append("%!(BADWIDTH)");
        }
      } else {
        int start = i;
        while (i < n && Character.isDigit(format.charAt(i))) i++;
        if (i > start) spec.width = boundedInt(format.substring(start, i));
      }
      if (i < n && format.charAt(i) == '.') {
        i++;
        if (i < n && format.charAt(i) == '*') {
          i++;
          Object p = argi < args.size() ? args.get(argi++) : null;
          if (p instanceof Long l && l >= 0 && l < 1_000_000) spec.prec = (int) (long) l;
          else out.append("%!(BADPREC)");
        } else {
          int start = i;
          while (i < n && Character.isDigit(format.charAt(i))) i++;
          spec.prec = i > start ? boundedInt(format.substring(start, i)) : 0;
        }
      }
      if (i >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      spec.verb = verb;
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argi >= args.size()) {
        out.append("%!").appendCodePoint(verb).append("(MISSING)");
        continue;
      }
      out.append(spec.pad(formatArg(spec, args.get(argi++))));
      check(out);
    }
    if (argi < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = argi; k < args.size(); k++) {
        if (k > argi) out.append(", ");
        Object a = args.get(k);
        out.append(a == null ? "<nil>" : GoValues.typeName(a) + "=" + GoPrint.value(a));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static int boundedInt(String digits) {
    return digits.length() > 6 ? 1_000_000 : Integer.parseInt(digits);
  }

  static String formatArg(Spec spec, Object a) {
    int verb = spec.verb;
    if (a == null) return verb == 'v' ? "<nil>" : "%!" + new String(Character.toChars(verb)) + "(<nil>)";
    if (a instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (int k = 0; k < list.size(); k++) {
        if (k > 0) b.append(' ');
        b.append(formatArg(spec, list.get(k)));
        check(b);
      }
      return b.append(']').toString();
    }
    if (a instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        if (!first) b.append(' ');
        first = false;
        b.append(formatArg(spec, e.getKey())).append(':').append(formatArg(spec, e.getValue()));
        check(b);
      }
      return b.append(']').toString();
    }
    String s = null;
    if (a instanceof Long l) s = GoIntFormat.format(spec, l);
    else if (a instanceof Double d) s = formatDouble(spec, d);
    else if (a instanceof String str) s = formatString(spec, str);
    else if (a instanceof Boolean b && (verb == 'v' || verb == 't')) s = b.toString();
    else if (a instanceof GoTime t && (verb == 'v' || verb == 's')) s = t.toString();
    if (s != null) return s;
    return "%!" + new String(Character.toChars(verb)) + "(" + GoValues.typeName(a) + "=" + GoPrint.value(a) + ")";
  }

  private static String formatDouble(Spec spec, double d) {
    int verb = spec.verb;
    String s;
    switch (verb) {
      case 'v': s = GoPrint.formatFloat(d, 'g', spec.prec); break;
      case 'e': case 'E': case 'g': case 'G':
        s = GoPrint.formatFloat(d, (char) verb, spec.prec < 0 && verb != 'g' && verb != 'G' ? 6 : spec.prec);
        break;
      case 'f': case 'F': s = GoPrint.formatFloat(d, 'f', spec.prec < 0 ? 6 : spec.prec); break;
      default: return null;
    }
    if (!s.startsWith("-") && (spec.plus || spec.space) && !s.equals("NaN")) {
      s = s.startsWith("+") ? s : (spec.plus ? "+" : " ") + s;
    } else if (s.equals("+Inf") && !spec.plus) {
      s = "Inf";
    }
    return s;
  }

  private static String formatString(Spec spec, String str) {
    switch (spec.verb) {
      case 's': case 'v': return spec.prec >= 0 ? truncateRunes(str, spec.prec) : str;
      case 'q': return GoPrint.quote(spec.prec >= 0 ? truncateRunes(str, spec.prec) : str);
      case 'x': case 'X': {
        StringBuilder b = new StringBuilder();
        for (byte by : str.getBytes(StandardCharsets.UTF_8)) {
          b.append(String.format(spec.verb == 'x' ? "%02x" : "%02X", by & 0xff));
        }
        return b.toString();
      }
      default: return null;
    }
  }

  private static String truncateRunes(String s, int n) {
    int count = s.codePointCount(0, s.length());
    return count <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
  }

  /** One parsed %-directive. */
  static final class Spec {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    int width = -1;
    int prec = -1;
    int verb;

    void flag(char c) {
      switch (c) {
        case '-': minus = true; break;
        case '+': plus = true; break;
        case '#': sharp = true; break;
        case ' ': space = true; break;
        default: zero = true;
      }
    }

    String pad(String s) {
      int len = s.codePointCount(0, s.length());
      if (width <= len) return s;
      int fill = width - len;
      if (minus) return s + " ".repeat(fill);
      boolean numeric = !s.isEmpty() && (Character.isDigit(s.charAt(s.length() - 1)) || verb == 'x' || verb == 'X');
      if (zero && numeric && verb != 's' && verb != 'q') {
        int signLen = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? 1 : 0;
        return s.substring(0, signLen) + "0".repeat(fill) + s.substring(signLen);
      }
      return " ".repeat(fill) + s;
    }
  }
}
