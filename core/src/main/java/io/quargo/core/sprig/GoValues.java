package io.quargo.core.sprig;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's view of the values templates and sprig see: Long is Go int/int64, Double is float64, List is
 * []interface{}, Map is map[string]interface{}, null is nil. Everything entering from Java goes
 * through {@link #normalize} so the rest of the code only meets these types.
 */
public final class GoValues {
  private GoValues() {}

  /** Deeper input (or a cycle) is refused; Jackson refuses deeper JSON too. */
  public static final int MAX_DEPTH = 1000;

  /**
   * Converts Java and Jackson values to the Go-like model; JSON numbers become float64 as Go's json
   * does. Maps and lists are copied, so templates may mutate them (sprig's set) without side effects.
   */
  public static Object normalize(Object v) {
    return normalize(v, 0);
  }

  private static Object normalize(Object v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("data nested deeper than " + MAX_DEPTH + " levels");
    }
    if (v == null || v instanceof String || v instanceof Long || v instanceof Double
        || v instanceof Boolean || v instanceof GoTime) {
      return v;
    }
    if (v instanceof JsonNode node) {
      return fromJson(node, depth);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Character c) {
      return (long) c;
    }
    if (v instanceof CharSequence cs) {
      return cs.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val, depth + 1)));
      return out;
    }
    if (v instanceof Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.forEach(e -> out.add(normalize(e, depth + 1)));
      return out;
    }
    if (v instanceof Object[] arr) {
      List<Object> out = new ArrayList<>(arr.length);
      for (Object e : arr) {
        out.add(normalize(e, depth + 1));
      }
      return out;
    }
    return v.toString();
  }

  /** Arguments with Java scalars turned into Go kinds; containers are left alone (not copied). */
  static Object[] normalizeScalars(Object[] args) {
    Object[] out = args;
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Map || a instanceof List || a == normalizeScalar(a)) continue;
      if (out == args) out = args.clone();
      out[i] = normalizeScalar(a);
    }
    return out;
  }

  private static Object normalizeScalar(Object a) {
    return a == null || a instanceof String || a instanceof Long || a instanceof Double || a instanceof Boolean
        || a instanceof GoTime ? a : normalize(a);
  }

  private static Object fromJson(JsonNode node, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("data nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (node.getNodeType()) {
      case NULL: case MISSING: return null;
      case BOOLEAN: return node.booleanValue();
      case NUMBER: return node.doubleValue();
      case STRING: return node.textValue();
      case ARRAY: {
        List<Object> out = new ArrayList<>(node.size());
        node.forEach(e -> out.add(fromJson(e, depth + 1)));
        return out;
      }
      case OBJECT: {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> e = fields.next();
          out.put(e.getKey(), fromJson(e.getValue(), depth + 1));
        }
        return out;
      }
      default: return node.asText();
    }
  }

  /** Go's %T. Long is reported as int: the model does not tell int from int64. */
  public static String typeName(Object v) {
    if (v == null) return "<nil>";
    if (v instanceof String) return "string";
    if (v instanceof Long) return "int";
    if (v instanceof Double) return "float64";
    if (v instanceof Boolean) return "bool";
    if (v instanceof List) return "[]interface {}";
    if (v instanceof Map) return "map[string]interface {}";
    if (v instanceof GoTime) return "time.Time";
    return v.getClass().getSimpleName();
  }

  /** Go's reflect Kind name. */
  public static String kindName(Object v) {
    if (v == null) return "invalid";
    if (v instanceof List) return "slice";
    if (v instanceof Map) return "map";
    if (v instanceof GoTime) return "struct";
    return typeName(v);
  }

  /** text/template truth: false, 0, nil, and empty string/list/map are false. */
  public static boolean isTrue(Object v) {
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof Long l) return l != 0;
    if (v instanceof Double d) return d != 0;
    if (v instanceof String s) return !s.isEmpty();
    if (v instanceof List<?> l) return !l.isEmpty();
    if (v instanceof Map<?, ?> m) return !m.isEmpty();
    return true;
  }

  /** sprig's empty: the same as template falsehood. */
  public static boolean isEmpty(Object v) {
    return !isTrue(v);
  }

  /** sprig's strval: strings as they are, anything else as fmt's %v (nil is "<nil>"). */
  public static String strval(Object v) {
    return v instanceof String s ? s : GoPrint.value(v);
  }

  /** spf13/cast ToInt64: lenient, failures are 0. */
  public static long toInt64(Object v) {
    if (v instanceof Long l) return l;
    if (v instanceof Double d) return doubleToLong(d);
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof String s) return parseIntLenient(s);
    return 0;
  }

  /** Go's int64(float64) for in-range values; out of range is undefined in Go, we saturate. */
  static long doubleToLong(double d) {
    return Double.isNaN(d) ? Long.MIN_VALUE : (long) d;
  }

  /** cast trims a ".0…" tail and parses with base prefixes (0x, 0o, 0b, leading 0 is octal). */
  static long parseIntLenient(String s) {
    String t = s;
    int dot = t.indexOf('.');
    if (dot >= 0 && t.substring(dot + 1).chars().allMatch(c -> c == '0')) {
      t = t.substring(0, dot);
    }
    Long v = GoNumbers.parseInt(t, 0);
    return v == null ? 0 : v;
  }

  /** spf13/cast ToFloat64: lenient, failures are 0. */
  public static double toFloat64(Object v) {
    if (v instanceof Long l) return l;
    if (v instanceof Double d) return d;
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof String s) {
      Double d = GoNumbers.parseFloat(s);
      return d == null ? 0 : d;
    }
    return 0;
  }

  /** A list view of a Go slice value, or null when it is not one. */
  @SuppressWarnings("unchecked")
  public static List<Object> asList(Object v) {
    return v instanceof List<?> l ? (List<Object>) l : null;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object v) {
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  static BigDecimal exact(double d) {
    return new BigDecimal(Double.toString(d));
  }
}
