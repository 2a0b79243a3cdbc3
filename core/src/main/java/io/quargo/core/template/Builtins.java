package io.quargo.core.template;

import io.quargo.core.sprig.GoFmt;
import io.quargo.core.sprig.GoValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** text/template's predefined functions (and/or are in the evaluator: they short-circuit). */
final class Builtins {
  static final Set<String> NAMES = Set.of("and", "or", "not", "len", "index", "print", "printf", "println",
      "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery");
  private static final Set<String> VALUE_ARGS = Set.of("and", "or", "not", "len", "index", "eq", "ne", "lt", "le", "gt", "ge");

  private Builtins() {}

  /** A builtin failed; reported by the evaluator at the function's node. */
  static final class BuiltinError extends RuntimeException {
    BuiltinError(String message) {
      super(message, null, false, false);
    }
  }

  /** Go types these parameters reflect.Value, which an explicit nil cannot be assigned to. */
  static boolean takesValues(String name) {
    return VALUE_ARGS.contains(name);
  }

  static Object call(String name, List<Object> a) {
    switch (name) {
      case "not": arity(name, a, 1); return !GoValues.isTrue(a.get(0));
      case "len": arity(name, a, 1); return len(a.get(0));
      case "index": atLeast(name, a, 1); return index(a.get(0), a.subList(1, a.size()));
      case "print": return GoFmt.sprint(a);
      case "println": return GoFmt.sprintln(a);
      case "printf": {
        atLeast(name, a, 1);
        if (!(a.get(0) instanceof String f)) {
          throw called(name, a.get(0) == null ? "invalid value; expected string"
              : "wrong type for value; expected string; got " + GoValues.typeName(a.get(0)), false);
        }
        return GoFmt.sprintf(f, a.subList(1, a.size()));
      }
      case "eq": atLeast(name, a, 1); return Comparisons.eq(a.get(0), a.subList(1, a.size()));
      case "ne": arity(name, a, 2); return !Comparisons.eq(a.get(0), a.subList(1, 2));
      case "lt": arity(name, a, 2); return Comparisons.lt(a.get(0), a.get(1));
      case "le": arity(name, a, 2); return Comparisons.lt(a.get(0), a.get(1)) || Comparisons.eq(a.get(0), a.subList(1, 2));
      case "gt": arity(name, a, 2); return !(Comparisons.lt(a.get(0), a.get(1)) || Comparisons.eq(a.get(0), a.subList(1, 2)));
      case "ge": arity(name, a, 2); return !Comparisons.lt(a.get(0), a.get(1));
      case "html": return Escapers.html(printArgs(a));
      case "js": return Escapers.js(printArgs(a));
      case "urlquery": return Escapers.urlQuery(printArgs(a));
      default: throw new BuiltinError("function \"" + name + "\" not defined");
    }
  }

  static BuiltinError called(String name, String reason, boolean calling) {
    return new BuiltinError(calling ? "error calling " + name + ": " + reason : reason);
  }

  private static void arity(String name, List<Object> a, int n) {
    if (a.size() != n) throw called(name, "wrong number of args for " + name + ": want " + n + " got " + a.size(), false);
  }

  private static void atLeast(String name, List<Object> a, int n) {
    if (a.size() < n) {
      throw called(name, "wrong number of args for " + name + ": want at least " + n + " got " + a.size(), false);
    }
  }

  /** Go's evalArgs: one string as is, otherwise Sprint with nil shown as "<no value>". */
  private static String printArgs(List<Object> a) {
    if (a.size() == 1 && a.get(0) instanceof String s) return s;
    List<Object> shown = new java.util.ArrayList<>(a.size());
    for (Object o : a) shown.add(o == null ? "<no value>" : o);
    return GoFmt.sprint(shown);
  }

  private static long len(Object v) {
    if (v instanceof String s) return s.getBytes(StandardCharsets.UTF_8).length;
    if (v instanceof List<?> l) return l.size();
    if (v instanceof Map<?, ?> m) return m.size();
    if (v == null) throw called("len", "reflect: call of reflect.Value.Type on zero Value", true);
    throw called("len", "len of type " + GoValues.typeName(v), true);
  }

  private static Object index(Object item, List<Object> indexes) {
    if (item == null) throw called("index", "index of untyped nil", true);
    Object cur = item;
    for (Object idx : indexes) {
      if (cur == null) throw called("index", "index of nil pointer", true);
      if (cur instanceof List<?> || cur instanceof String) {
        int size = cur instanceof List<?> l ? l.size() : ((String) cur).getBytes(StandardCharsets.UTF_8).length;
        if (idx == null) throw called("index", "cannot index slice/array with nil", true);
        if (!(idx instanceof Long x)) {
          throw called("index", "cannot index slice/array with type " + GoValues.typeName(idx), true);
        }
        if (x < 0 || x >= size) throw called("index", "index out of range: " + x, true);
        cur = cur instanceof List<?> l ? l.get((int) (long) x)
            : (long) (((String) cur).getBytes(StandardCharsets.UTF_8)[(int) (long) x] & 0xff);
      } else if (cur instanceof Map<?, ?> m) {
        if (idx == null) throw called("index", "value is nil; should be of type string", true);
        if (!(idx instanceof String key)) {
          throw called("index", "value has type " + GoValues.typeName(idx) + "; should be string", true);
        }
        cur = m.get(key);
      } else {
        throw called("index", "can't index item of type " + GoValues.typeName(cur), true);
      }
    }
    return cur;
  }
}
