package io.quargo.core.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value model: null, Boolean, Long (expr "int"), Double ("float"), String, List, Map with string
 * keys, {@link Duration}, {@link ZonedDateTime} and {@link ExprFunction}. Host values of other Java
 * types (Integer, BigDecimal, Jackson trees, arrays) are normalised lazily as they are read.
 */
public final class Values {
  private Values() {}

  /** Normalises one host value into the value model (containers are wrapped, not copied). */
  public static Object of(Object v) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double
        || v instanceof Map || v instanceof List) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return Double.valueOf(f.toString());
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (v instanceof JsonNode n) {
      return ofJson(n);
    }
    return ofOther(v);
  }

  private static Object ofOther(Object v) {
    if (v instanceof Duration || v instanceof ZonedDateTime || v instanceof ExprFunction) {
      return v;
    }
    if (v instanceof Character || v instanceof CharSequence || v instanceof Enum) {
      return v.toString();
    }
    if (v instanceof Instant i) {
      return i.atZone(ZoneOffset.UTC);
    }
    if (v instanceof OffsetDateTime o) {
      return o.toZonedDateTime();
    }
    if (v instanceof Collection<?> c) {
      return new ArrayList<Object>(c);
    }
    if (v instanceof Object[] a) {
      return Arrays.asList(a);
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return v.toString();
  }

  private static Object ofJson(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n instanceof ObjectNode o) {
      return new JsonViews.ObjectView(o);
    }
    if (n instanceof ArrayNode a) {
      return new JsonViews.ArrayView(a);
    }
    return n.asText();
  }

  /** expr's type names, as returned by {@code type(v)}. */
  public static String typeName(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof Map) {
      return "map";
    }
    if (v instanceof Duration) {
      return "time.Duration";
    }
    if (v instanceof ZonedDateTime) {
      return "time.Time";
    }
    if (v instanceof ExprFunction) {
      return "func";
    }
    return v.getClass().getSimpleName();
  }

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double;
  }

  static double toDouble(Object v) {
    return ((Number) v).doubleValue();
  }

  /** Element i of a host list, normalised. */
  static Object at(List<?> list, int i) {
    return of(list.get(i));
  }

  /** Value under key of a host map, normalised; absent keys read as nil. */
  static Object get(Map<?, ?> map, String key) {
    try {
      return of(map.get(key));
    } catch (ClassCastException | NullPointerException e) {
      // A host map keyed by something other than strings (e.g. a TreeMap<Integer, ?>) has no such key.
      return null;
    }
  }

  /** expr's equality: numbers compare by value across int and float, containers deeply, else by type. */
  public static boolean equal(Object a, Object b) {
    return equal(a, b, null);
  }

  /** As {@link #equal(Object, Object)}, charging {@code ctx} (if any) per container element compared. */
  static boolean equal(Object a, Object b, EvalContext ctx) {
    a = of(a);
    b = of(b);
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Long x && b instanceof Long y) {
      return x.longValue() == y.longValue();
    }
    if (isNumber(a) && isNumber(b)) {
      return toDouble(a) == toDouble(b);
    }
    if (a instanceof String x && b instanceof String y) {
      if (ctx != null) {
        ctx.charge(x.length() / 16);
      }
      return x.equals(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return listEqual(x, y, ctx);
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return mapEqual(x, y, ctx);
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return x.toInstant().equals(y.toInstant());
    }
    return a.getClass() == b.getClass() && Objects.equals(a, b);
  }

  private static boolean listEqual(List<?> x, List<?> y, EvalContext ctx) {
    if (x.size() != y.size()) {
      return false;
    }
    if (ctx != null) {
      ctx.charge(x.size());
    }
    for (int i = 0; i < x.size(); i++) {
      if (!equal(x.get(i), y.get(i), ctx)) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapEqual(Map<?, ?> x, Map<?, ?> y, EvalContext ctx) {
    if (x.size() != y.size()) {
      return false;
    }
    if (ctx != null) {
      ctx.charge(x.size());
    }
    for (Map.Entry<?, ?> e : x.entrySet()) {
      if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()), ctx)) {
        return false;
      }
    }
    return true;
  }
}
