package io.quargo.core.sprig;

import io.quargo.core.text.GoStrings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** sprig's string functions. Go slices strings by byte; we slice by UTF-16 unit, equal for ASCII. */
final class StringFunctions {
  private StringFunctions() {}

  static void register(Registry r) {
    r.add("trim", "s", a -> Strs.trimSpace(s(a[0])));
    r.add("trimAll", "ss", a -> Strs.trim(s(a[1]), s(a[0]), true, true));
    r.alias("trimall", "trimAll");
    r.add("trimPrefix", "ss", a -> s(a[1]).startsWith(s(a[0])) ? s(a[1]).substring(s(a[0]).length()) : a[1]);
    r.add("trimSuffix", "ss", a -> s(a[1]).endsWith(s(a[0]))
        ? s(a[1]).substring(0, s(a[1]).length() - s(a[0]).length()) : a[1]);
    r.add("upper", "s", a -> s(a[0]).toUpperCase(java.util.Locale.ROOT));
    r.add("lower", "s", a -> s(a[0]).toLowerCase(java.util.Locale.ROOT));
    r.add("repeat", "is", a -> Strs.repeat(s(a[1]), (Long) a[0]));
    r.add("substr", "iis", a -> substr((Long) a[0], (Long) a[1], s(a[2])));
    r.add("nospace", "s", a -> nospace(s(a[0])));
    r.add("trunc", "is", a -> trunc((Long) a[0], s(a[1])));
    r.add("abbrev", "is", a -> abbrev((Long) a[0], s(a[1])));
    r.add("contains", "ss", a -> s(a[1]).contains(s(a[0])));
    r.add("hasPrefix", "ss", a -> s(a[1]).startsWith(s(a[0])));
    r.add("hasSuffix", "ss", a -> s(a[1]).endsWith(s(a[0])));
    r.add("quote", "a*", a -> quoteAll(a, true));
    r.add("squote", "a*", a -> quoteAll(a, false));
    r.add("cat", "a*", StringFunctions::cat);
    r.add("indent", "is", a -> indent((Long) a[0], s(a[1])));
    r.add("nindent", "is", a -> "\n" + indent((Long) a[0], s(a[1])));
    r.add("replace", "sss", a -> s(a[2]).replace(s(a[0]), s(a[1])));
    r.add("plural", "ssi", a -> (Long) a[2] == 1 ? a[0] : a[1]);
    r.add("splitList", "ss", a -> new ArrayList<Object>(Strs.split(s(a[1]), s(a[0]), -1)));
    r.add("split", "ss", a -> indexed(Strs.split(s(a[1]), s(a[0]), -1)));
    r.add("splitn", "sis", a -> indexed(Strs.split(s(a[2]), s(a[0]), (int) Math.max(-1, Math.min((Long) a[1], Integer.MAX_VALUE)))));
    r.add("join", "sa", a -> String.join(s(a[0]), Strs.strslice(a[1])));
    r.add("sortAlpha", "a", a -> sortAlpha(a[0]));
    r.add("toStrings", "a", a -> new ArrayList<Object>(Strs.strslice(a[0])));
  }

  static String s(Object o) {
    return (String) o;
  }

  private static String substr(long start, long end, String s) {
    if (start < 0) return s.substring(0, (int) clampEnd(end, s, 0));
    if (start > s.length()) throw new Fail("runtime error: slice bounds out of range [" + start + ":" + s.length() + "]");
    if (end < 0 || end > s.length()) return s.substring((int) start);
    if (end < start) throw new Fail("runtime error: slice bounds out of range [" + start + ":" + end + "]");
    return s.substring((int) start, (int) end);
  }

  private static long clampEnd(long end, String s, long start) {
    if (end < start || end > s.length()) {
      throw new Fail("runtime error: slice bounds out of range [:" + end + "] with length " + s.length());
    }
    return end;
  }

  private static String nospace(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(cp -> !Strs.isGoSpace(cp)).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String trunc(long c, String s) {
    if (c < 0 && s.length() + c > 0) return s.substring((int) (s.length() + c));
    if (c >= 0 && s.length() > c) return s.substring(0, (int) c);
    return s;
  }

  private static String abbrev(long width, String s) {
    if (width < 4 || s.length() <= width) return s;
    return s.substring(0, (int) width - 3) + "...";
  }

  private static String quoteAll(Object[] args, boolean dbl) {
    List<String> out = new ArrayList<>();
    for (Object o : args) {
      if (o != null) out.add(dbl ? GoPrint.quote(GoValues.strval(o)) : "'" + GoValues.strval(o) + "'");
    }
    return String.join(" ", out);
  }

  private static String cat(Object[] args) {
    List<String> out = new ArrayList<>();
    for (Object o : args) {
      if (o != null) out.add(GoPrint.value(o));
    }
    return String.join(" ", out);
  }

  private static String indent(long spaces, String s) {
    String pad = Strs.repeat(" ", spaces);
    if ((long) pad.length() * (s.chars().filter(c -> c == '\n').count() + 1) + s.length() > Sprig.MAX_STRING) {
      throw new Fail("result exceeds " + Sprig.MAX_STRING + " characters");
    }
    return pad + s.replace("\n", "\n" + pad);
  }

  private static Map<String, Object> indexed(List<String> parts) {
    Map<String, Object> out = Sprig.newMap();
    for (int i = 0; i < parts.size(); i++) out.put("_" + i, parts.get(i));
    return out;
  }

  private static List<Object> sortAlpha(Object v) {
    List<String> strs = GoValues.asList(v) != null ? Strs.strslice(v) : List.of(GoValues.strval(v));
    List<String> sorted = new ArrayList<>(strs);
    Collections.sort(sorted, GoStrings::compare);
    return new ArrayList<>(sorted);
  }
}
