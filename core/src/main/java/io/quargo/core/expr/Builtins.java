package io.quargo.core.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The table of builtin functions by name, and argument coercion helpers they share. */
final class Builtins {
  private static final Map<String, Builtin> TABLE = new HashMap<>();

  static {
    StringFunctions.register(TABLE);
    CollectionFunctions.register(TABLE);
    MathFunctions.register(TABLE);
    ConversionFunctions.register(TABLE);
    TimeFunctions.register(TABLE);
  }

  private Builtins() {}

  static Builtin find(String name) {
    return TABLE.get(name);
  }

  static void add(Map<String, Builtin> table, Builtin b) {
    table.put(b.name(), b);
  }

  static String str(Object[] args, int i, String fn) {
    if (args[i] instanceof String s) {
      return s;
    }
    throw argType(fn, i, "string", args[i]);
  }

  static long integer(Object[] args, int i, String fn) {
    if (args[i] instanceof Long l) {
      return l;
    }
    throw argType(fn, i, "int", args[i]);
  }

  static List<?> list(Object[] args, int i, String fn) {
    if (args[i] instanceof List<?> l) {
      return l;
    }
    throw argType(fn, i, "array", args[i]);
  }

  static Map<?, ?> map(Object[] args, int i, String fn) {
    if (args[i] instanceof Map<?, ?> m) {
      return m;
    }
    throw argType(fn, i, "map", args[i]);
  }

  static EvalFailure argType(String fn, int i, String want, Object got) {
    return new EvalFailure("invalid argument " + (i + 1) + " for " + fn + " (expected " + want + ", got "
        + Values.typeName(got) + ")");
  }
}
