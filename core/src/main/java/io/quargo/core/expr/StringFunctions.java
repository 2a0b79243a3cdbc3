package io.quargo.core.expr;

import static io.quargo.core.expr.Builtins.add;
import static io.quargo.core.expr.Builtins.integer;
import static io.quargo.core.expr.Builtins.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** String builtins: trim*, upper, lower, split*, replace, repeat, indexOf, hasPrefix/Suffix, join. */
final class StringFunctions {
  private StringFunctions() {}

  static void register(Map<String, Builtin> t) {
    add(t, Builtin.of("trim", 1, 2, (c, a) -> a.length == 1 ? goTrimSpace(str(a, 0, "trim"))
        : trimSet(str(a, 0, "trim"), str(a, 1, "trim"))));
    add(t, Builtin.of("trimPrefix", 1, 2, (c, a) -> {
      String s = str(a, 0, "trimPrefix");
      String p = a.length > 1 ? str(a, 1, "trimPrefix") : " ";
      return s.startsWith(p) ? s.substring(p.length()) : s;
    }));
    add(t, Builtin.of("trimSuffix", 1, 2, (c, a) -> {
      String s = str(a, 0, "trimSuffix");
      String p = a.length > 1 ? str(a, 1, "trimSuffix") : " ";
      return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
    }));
    add(t, Builtin.of("upper", 1, 1, (c, a) -> str(a, 0, "upper").toUpperCase(Locale.ROOT)));
    add(t, Builtin.of("lower", 1, 1, (c, a) -> str(a, 0, "lower").toLowerCase(Locale.ROOT)));
    add(t, Builtin.of("split", 2, 3, (c, a) -> split(c, a, "split", false)));
    add(t, Builtin.of("splitAfter", 2, 3, (c, a) -> split(c, a, "splitAfter", true)));
    add(t, Builtin.of("replace", 3, 3, (c, a) -> replace(c, str(a, 0, "replace"), str(a, 1, "replace"),
        str(a, 2, "replace"))));
    add(t, Builtin.of("repeat", 2, 2, (c, a) -> repeat(c, str(a, 0, "repeat"), integer(a, 1, "repeat"))));
    add(t, Builtin.of("indexOf", 2, 2, (c, a) -> runeIndex(str(a, 0, "indexOf"),
        TextSearch.indexOf(str(a, 0, "indexOf"), str(a, 1, "indexOf"), 0))));
    add(t, Builtin.of("lastIndexOf", 2, 2, (c, a) -> runeIndex(str(a, 0, "lastIndexOf"),
        TextSearch.lastIndexOf(str(a, 0, "lastIndexOf"), str(a, 1, "lastIndexOf")))));
    add(t, Builtin.of("hasPrefix", 2, 2, (c, a) -> str(a, 0, "hasPrefix").startsWith(str(a, 1, "hasPrefix"))));
    add(t, Builtin.of("hasSuffix", 2, 2, (c, a) -> str(a, 0, "hasSuffix").endsWith(str(a, 1, "hasSuffix"))));
    add(t, Builtin.of("join", 1, 2, (c, a) -> join(c, a)));
  }

  /** Go's strings.TrimSpace trims Unicode white space. */
  static String goTrimSpace(String s) {
    return s.strip();
  }

  private static String trimSet(String s, String cutset) {
    // A set, not cutset.indexOf per character: both strings may be long.
    java.util.BitSet cut = new java.util.BitSet();
    cutset.chars().forEach(cut::set);
    int start = 0;
    int end = s.length();
    while (start < end && cut.get(s.charAt(start))) {
      start++;
    }
    while (end > start && cut.get(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Go's strings.SplitN: n < 0 all, n == 0 none, empty separator splits into characters. */
  private static Object split(EvalContext ctx, Object[] a, String fn, boolean after) {
    String s = str(a, 0, fn);
    String sep = str(a, 1, fn);
    long n = a.length > 2 ? integer(a, 2, fn) : -1;
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    ctx.charge(s.length() / 8);
    if (sep.isEmpty()) {
      int[] cps = s.codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        if (n > 0 && out.size() == n - 1) {
          out.add(new String(cps, i, cps.length - i));
          return out;
        }
        out.add(new String(cps, i, 1));
      }
      return out;
    }
    int from = 0;
    while (n < 0 || out.size() < n - 1) {
      int i = TextSearch.indexOf(s, sep, from);
      if (i < 0) {
        break;
      }
      out.add(s.substring(from, after ? i + sep.length() : i));
      from = i + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static Object replace(EvalContext ctx, String s, String old, String with) {
    ctx.charge(s.length() / 8);
    if (old.isEmpty()) {
      // Go inserts the replacement before every rune and at the end.
      StringBuilder sb = new StringBuilder(with);
      s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(with));
      ctx.charge(sb.length() / 8);
      return sb.toString();
    }
    String r = TextSearch.replaceAll(s, old, with);
    ctx.charge(r.length() / 8);
    return r;
  }

  private static Object repeat(EvalContext ctx, String s, long n) {
    if (n < 0) {
      throw new EvalFailure("strings: negative Repeat count");
    }
    if (s.isEmpty() || n == 0) {
      return "";
    }
    // Compare before multiplying: s.length() * n may overflow a long.
    if (n > 0 && s.length() > (Integer.MAX_VALUE / 4) / n) {
      throw new EvalFailure("repeat: result too large");
    }
    ctx.charge(s.length() * n / 8);
    return s.repeat((int) n);
  }

  private static Object runeIndex(String s, int charIndex) {
    return charIndex < 0 ? -1L : (long) s.codePointCount(0, charIndex);
  }

  private static Object join(EvalContext ctx, Object[] a) {
    List<?> items = Builtins.list(a, 0, "join");
    String sep = a.length > 1 ? str(a, 1, "join") : "";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Object v = Values.at(items, i);
      if (!(v instanceof String s)) {
        throw new EvalFailure("join: element " + i + " is " + Values.typeName(v) + ", not string");
      }
      sb.append(i > 0 ? sep : "").append(s);
    }
    ctx.charge(sb.length() / 8);
    return sb.toString();
  }
}
