package io.quargo.core.sprig;

import java.util.Map;

/** Go's reflective call checks: arity and assignability of each argument to its parameter type. */
final class Signatures {
  private Signatures() {}

  static Object[] convert(String name, String sig, Object[] args) {
    boolean variadic = sig.endsWith("*");
    int fixed = variadic ? sig.length() - 2 : sig.length();
    if (variadic ? args.length < fixed : args.length != fixed) {
      throw SprigException.badArguments(name, "wrong number of args for " + name + ": want "
          + (variadic ? "at least " : "") + fixed + " got " + args.length);
    }
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      char type = i < fixed ? sig.charAt(i) : sig.charAt(sig.length() - 2);
      out[i] = convert(name, type, args[i]);
    }
    return out;
  }

  private static Object convert(String name, char type, Object v) {
    switch (type) {
      case 'a': return v;
      case 's': if (v instanceof String) return v; break;
      case 'i': if (v instanceof Long) return v; break;
      case 'f':
        if (v instanceof Double) return v;
        if (v instanceof Long l) return l.doubleValue();
        break;
      case 'b': if (v instanceof Boolean) return v; break;
      case 't': if (v instanceof GoTime) return v; break;
      case 'm':
        if (v instanceof Map) return v;
        if (v == null) return Sprig.newMap();
        break;
      default: throw new IllegalStateException("bad signature letter " + type);
    }
    if (v == null) {
      throw SprigException.badArguments(name, "invalid value; expected " + goType(type));
    }
    throw SprigException.badArguments(name,
        "wrong type for value; expected " + goType(type) + "; got " + GoValues.typeName(v));
  }

  static String goType(char type) {
    switch (type) {
      case 's': return "string";
      case 'i': return "int";
      case 'f': return "float64";
      case 'b': return "bool";
      case 't': return "time.Time";
      case 'm': return "map[string]interface {}";
      default: return "interface {}";
    }
  }
}
