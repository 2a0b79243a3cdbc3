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
    Cursor c = new Cursor(format, args);
    while (c.i < format.length()) {
      char ch = format.charAt(c.i++);
      if (ch != '%') {
        c.out.append(ch);
        continue;
      }
      Spec spec = directive(c);
      if (spec == null) break;
      if (spec.verb == '%') {
        c.out.append('%');
      } else if (c.argi >= args.size()) {
        c.out.append("%!").appendCodePoint(spec.verb).append("(MISSING)");
      } else {
        c.out.append(spec.pad(formatArg(spec, args.get(c.argi++))));
        check(c.out);
      }
    }
    if (c.argi < args.size()) {
      c.out.append("%!(EXTRA ");
      for (int k = c.argi; k < args.size(); k++) {
        if (k > c.argi) c.out.append(", ");
        Object a = args.get(k);
        c.out.append(a == null ? "<nil>" : GoValues.typeName(a) + "=" + GoPrint.value(a));
      }
      c.out.append(')');
    }
    return c.out.toString();
  }

  /** Progress through a format string and its operands. */
  private static final class Cursor {
    final String format;
    final List<Object> args;
    final StringBuilder out = new StringBuilder();
    int i;
    int argi;

    Cursor(String format, List<Object> args) {
      this.format = format;
      this.args = args;
    }

    boolean more() {
      return i < format.length();
    }

    char peek() {
      return format.charAt(i);
    }

    static final int ABSENT = Integer.MIN_VALUE;
    static final int BAD = Integer.MIN_VALUE + 1;

    /** A run of digits or a '*' operand (which may be negative); ABSENT or BAD otherwise. */
    int number(boolean allowNegative) {
      if (more() && peek() == '*') {
        i++;
        Object w = argi < args.size() ? args.get(argi++) : null;
        if (w instanceof Long l && Math.abs(l) < 1_000_000 && (allowNegative || l >= 0)) return (int) (long) l;
        return BAD;
      }
      int start = i;
      while (more() && Character.isDigit(peek())) i++;
      return i > start ? boundedInt(format.substring(start, i)) : ABSENT;
    }
  }

  /** Flags, width, precision and verb after a '%'; null when the format ends first. */
  private static Spec directive(Cursor c) {
    Spec spec = new Spec();
    while (c.more() && "-+# 0".indexOf(c.peek()) >= 0) spec.flag(c.format.charAt(c.i++));
    int width = c.number(true);
    if (width == Cursor.BAD) {
      c.out.append("%!(BADWIDTH)");
    } else if (width != Cursor.ABSENT) {
      spec.width = Math.abs(width);
      spec.minus |= width < 0;
    }
    if (c.more() && c.peek() == '.') {
      c.i++;
      int prec = c.number(false);
      if (prec == Cursor.BAD) c.out.append("%!(BADPREC)");
      spec.prec = prec >= 0 ? prec : 0;
    }
    if (!c.more()) {
      c.out.append("%!(NOVERB)");
      return null;
    }
    spec.verb = c.format.codePointAt(c.i);
    c.i += Character.charCount(spec.verb);
    return spec;
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
