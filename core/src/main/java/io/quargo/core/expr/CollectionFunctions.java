package io.quargo.core.expr;

import static io.quargo.core.expr.Builtins.add;
import static io.quargo.core.expr.Builtins.list;
import static io.quargo.core.expr.Builtins.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builtins over arrays and maps: len, keys, values, first, last, take, sort, reverse, concat, ... */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static void register(Map<String, Builtin> t) {
    add(t, Builtin.of("len", 1, 1, (c, a) -> len(a[0])));
    add(t, Builtin.of("keys", 1, 1, (c, a) -> new ArrayList<Object>(stringKeys(sized(c, map(a, 0, "keys"))))));
    add(t, Builtin.of("values", 1, 1, (c, a) -> values(sized(c, map(a, 0, "values")))));
    add(t, Builtin.of("first", 1, 1, (c, a) -> edge(a[0], true)));
    add(t, Builtin.of("last", 1, 1, (c, a) -> edge(a[0], false)));
    add(t, Builtin.of("take", 2, 2, (c, a) -> take(sized(c, list(a, 0, "take")), Builtins.integer(a, 1, "take"))));
    add(t, Builtin.of("sort", 1, 2, (c, a) -> sort(c, list(a, 0, "sort"), a.length > 1 ? a[1] : null)));
    add(t, Builtin.of("reverse", 1, 1, (c, a) -> {
      List<Object> out = copy(sized(c, list(a, 0, "reverse")));
      Collections.reverse(out);
      return out;
    }));
    add(t, Builtin.variadic("concat", 1, (c, a) -> concat(c, a)));
    add(t, Builtin.of("flatten", 1, 1, (c, a) -> flatten(c, list(a, 0, "flatten"), new ArrayList<>(), 0)));
    add(t, Builtin.of("uniq", 1, 1, (c, a) -> uniq(c, list(a, 0, "uniq"))));
    add(t, Builtin.of("get", 2, 2, (c, a) -> get(a[0], a[1])));
    add(t, Builtin.of("toPairs", 1, 1, (c, a) -> toPairs(sized(c, map(a, 0, "toPairs")))));
    add(t, Builtin.of("fromPairs", 1, 1, (c, a) -> fromPairs(sized(c, list(a, 0, "fromPairs")))));
  }

  /** Copying or scanning a container costs one step per element. */
  static <T> T sized(EvalContext ctx, T container) {
    if (container instanceof List<?> l) {
      ctx.charge(l.size());
    } else if (container instanceof Map<?, ?> m) {
      ctx.charge(m.size());
    }
    return container;
  }

  static Object len(Object v) {
    if (v instanceof String s) {
      return (long) s.codePointCount(0, s.length());
    }
    if (v instanceof List<?> l) {
      return (long) l.size();
    }
    if (v instanceof Map<?, ?> m) {
      return (long) m.size();
    }
    throw new EvalFailure("invalid argument for len (type " + Values.typeName(v) + ")");
  }

  static List<String> stringKeys(Map<?, ?> m) {
    List<String> out = new ArrayList<>(m.size());
    for (Object k : m.keySet()) {
      out.add(String.valueOf(k));
    }
    return out;
  }

  private static Object values(Map<?, ?> m) {
    List<Object> out = new ArrayList<>(m.size());
    for (Object v : m.values()) {
      out.add(Values.of(v));
    }
    return out;
  }

  static List<Object> copy(List<?> l) {
    List<Object> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      out.add(Values.at(l, i));
    }
    return out;
  }

  private static Object edge(Object v, boolean first) {
    if (v instanceof List<?> l) {
      return l.isEmpty() ? null : Values.at(l, first ? 0 : l.size() - 1);
    }
    throw Builtins.argType(first ? "first" : "last", 0, "array", v);
  }

  private static Object take(List<?> l, long n) {
    return copy(l.subList(0, (int) Math.max(0, Math.min(n, l.size()))));
  }

  static boolean descending(Object order) {
    if (order == null || "asc".equals(order)) {
      return false;
    }
    if ("desc".equals(order)) {
      return true;
    }
    throw new EvalFailure("unknown order " + GoFormat.format(order) + ", use asc or desc");
  }

  /**
   * Sort order for sort/sortBy: numbers, strings, durations, times; mixed kinds are an error. Floats
   * use a total order (NaN last) so the sort's comparator contract holds.
   */
  static int order(Object a, Object b) {
    if (Values.isNumber(a) && Values.isNumber(b) && !(a instanceof Long && b instanceof Long)) {
      return Double.compare(Values.toDouble(a), Values.toDouble(b));
    }
    return Operators.compare("sort", a, b);
  }

  private static Object sort(EvalContext ctx, List<?> l, Object order) {
    List<Object> out = copy(l);
    ctx.charge(out.size() * 8L);
    out.sort(CollectionFunctions::order);
    if (descending(order)) {
      Collections.reverse(out);
    }
    return out;
  }

  private static Object concat(EvalContext ctx, Object[] a) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      List<?> l = list(a, i, "concat");
      ctx.charge(l.size());
      out.addAll(copy(l));
    }
    return out;
  }

  private static List<Object> flatten(EvalContext ctx, List<?> l, List<Object> out, int depth) {
    if (depth > GoFormat.MAX_VALUE_DEPTH) {
      throw new EvalFailure("flatten: value nested too deeply");
    }
    for (int i = 0; i < l.size(); i++) {
      Object v = Values.at(l, i);
      ctx.charge(1);
      if (v instanceof List<?> inner) {
        flatten(ctx, inner, out, depth + 1);
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static Object uniq(EvalContext ctx, List<?> l) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      Object v = Values.at(l, i);
      ctx.charge(out.size() + 1L);
      if (!Operators.in(v, out)) {
        out.add(v);
      }
    }
    return out;
  }

  private static Object get(Object v, Object key) {
    try {
      return v == null ? null : AccessNodes.fetch(v, key);
    } catch (EvalFailure | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private static Object toPairs(Map<?, ?> m) {
    List<Object> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      List<Object> pair = new ArrayList<>(2);
      pair.add(String.valueOf(e.getKey()));
      pair.add(Values.of(e.getValue()));
      out.add(pair);
    }
    return out;
  }

  private static Object fromPairs(List<?> l) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < l.size(); i++) {
      if (!(Values.at(l, i) instanceof List<?> pair) || pair.size() != 2
          || !(Values.at(pair, 0) instanceof String k)) {
        throw new EvalFailure("fromPairs: element " + i + " is not a [string, value] pair");
      }
      out.put(k, Values.at(pair, 1));
    }
    return out;
  }
}
