package io.quargo.core.sprig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** sprig's list functions; like sprig they accept any slice and refuse other kinds by name. */
final class ListFunctions {
  private ListFunctions() {}

  static void register(Registry r) {
    r.add("list", "a*", a -> new ArrayList<>(Arrays.asList(a)));
    r.add("first", "a", a -> { List<Object> l = list(a[0], "Cannot find first on type %s"); return l.isEmpty() ? null : l.get(0); });
    r.add("last", "a", a -> { List<Object> l = list(a[0], "Cannot find last on type %s"); return l.isEmpty() ? null : l.get(l.size() - 1); });
    r.add("rest", "a", a -> { List<Object> l = list(a[0], "Cannot find rest on type %s"); return l.isEmpty() ? null : copy(l.subList(1, l.size())); });
    r.add("initial", "a", a -> { List<Object> l = list(a[0], "Cannot find initial on type %s"); return l.isEmpty() ? null : copy(l.subList(0, l.size() - 1)); });
    r.add("append", "aa", a -> { List<Object> l = copy(list(a[0], "Cannot push on type %s")); l.add(a[1]); return l; });
    r.alias("push", "append");
    r.add("prepend", "aa", a -> { List<Object> l = copy(list(a[0], "Cannot prepend on type %s")); l.add(0, a[1]); return l; });
    r.add("concat", "a*", ListFunctions::concat);
    r.add("reverse", "a", a -> { List<Object> l = copy(list(a[0], "Cannot find reverse on type %s")); Collections.reverse(l); return l; });
    r.add("uniq", "a", a -> uniq(list(a[0], "Cannot find uniq on type %s")));
    r.add("without", "aa*", ListFunctions::without);
    r.add("has", "aa", a -> has(a[0], a[1]));
    r.add("compact", "a", a -> compact(list(a[0], "Cannot compact on type %s")));
    r.add("slice", "aa*", ListFunctions::slice);
    r.add("until", "i", a -> untilStep(0, (Long) a[0], (Long) a[0] < 0 ? -1 : 1));
    r.add("untilStep", "iii", a -> untilStep((Long) a[0], (Long) a[1], (Long) a[2]));
    r.add("seq", "i*", ListFunctions::seq);
    r.add("chunk", "ia", ListFunctions::chunk);
  }

  /** The slice behind a value, or sprig's "Cannot … on type kind" error; nil panics as in Go. */
  static List<Object> list(Object v, String message) {
    if (v == null) throw new Fail("runtime error: invalid memory address or nil pointer dereference");
    List<Object> l = GoValues.asList(v);
    if (l == null) throw new Fail(String.format(message, GoValues.kindName(v)));
    return l;
  }

  static List<Object> copy(List<Object> l) {
    return new ArrayList<>(l);
  }

  private static Object concat(Object[] a) {
    List<Object> out = new ArrayList<>();
    for (Object v : a) {
      List<Object> l = v == null ? null : GoValues.asList(v);
      if (l == null) throw new Fail("Cannot concat type " + GoValues.kindName(v) + " as list");
      out.addAll(l);
      if (out.size() > Sprig.MAX_LIST) throw new Fail("result exceeds " + Sprig.MAX_LIST + " elements");
    }
    return out;
  }

  private static List<Object> uniq(List<Object> l) {
    List<Object> out = new ArrayList<>();
    for (Object v : l) {
      if (!out.contains(v)) out.add(v);
    }
    return out;
  }

  private static Object without(Object[] a) {
    List<Object> l = list(a[0], "Cannot find without on type %s");
    List<Object> omit = Arrays.asList(a).subList(1, a.length);
    List<Object> out = new ArrayList<>();
    for (Object v : l) {
      if (!omit.contains(v)) out.add(v);
    }
    return out;
  }

  private static boolean has(Object needle, Object haystack) {
    if (haystack == null) return false;
    List<Object> l = list(haystack, "Cannot find has on type %s");
    for (Object v : l) {
      if (Objects.equals(v, needle)) return true;
    }
    return false;
  }

  private static List<Object> compact(List<Object> l) {
    List<Object> out = new ArrayList<>();
    for (Object v : l) {
      if (!GoValues.isEmpty(v)) out.add(v);
    }
    return out;
  }

  private static Object slice(Object[] a) {
    List<Object> l = list(a[0], "list should be type of slice or array but %s");
    long start = a.length > 1 ? GoValues.toInt64(a[1]) : 0;
    long end = a.length > 2 ? GoValues.toInt64(a[2]) : l.size();
    if (start < 0 || end > l.size() || start > end) {
      throw new Fail("runtime error: slice bounds out of range [" + start + ":" + end + "] with capacity " + l.size());
    }
    return copy(l.subList((int) start, (int) end));
  }

  static List<Object> untilStep(long start, long stop, long step) {
    List<Object> out = new ArrayList<>();
    if (step == 0) return out;
    if ((stop < start && step < 0) || (stop > start && step > 0)) {
      for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
        out.add(i);
        if (out.size() > Sprig.MAX_LIST) throw new Fail("result exceeds " + Sprig.MAX_LIST + " elements");
        if (step > 0 ? i > Long.MAX_VALUE - step : i < Long.MIN_VALUE - step) break;
      }
    }
    return out;
  }

  private static Object seq(Object[] a) {
    long[] p = Arrays.stream(a).mapToLong(o -> (Long) o).toArray();
    List<Object> values;
    switch (p.length) {
      case 1: {
        long inc = p[0] < 1 ? -1 : 1;
        values = untilStep(1, p[0] + inc, inc);
        break;
      }
      case 2: {
        long step = p[1] < p[0] ? -1 : 1;
        values = untilStep(p[0], p[1] + step, step);
        break;
      }
      case 3: {
        long inc = 1;
        if (p[2] < p[0]) {
          inc = -1;
          if (p[1] > 0) return "";
        }
        values = untilStep(p[0], p[2] + inc, p[1]);
        break;
      }
      default: return "";
    }
    StringBuilder out = new StringBuilder();
    for (Object v : values) {
      if (out.length() > 0) out.append(' ');
      out.append(v);
    }
    return out.toString();
  }

  private static Object chunk(Object[] a) {
    long size = (Long) a[0];
    List<Object> l = list(a[1], "Cannot chunk type %s");
    if (size <= 0) throw new Fail("runtime error: integer divide by zero");
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i += (int) Math.min(size, Integer.MAX_VALUE)) {
      out.add(copy(l.subList(i, (int) Math.min(l.size(), i + size))));
    }
    return out;
  }
}
