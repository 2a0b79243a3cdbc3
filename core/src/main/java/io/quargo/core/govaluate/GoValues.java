package io.quargo.core.govaluate;

import io.quargo.core.tags.GoFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** govaluate's value model: every number is a float64, and values print as Go's {@code %v} prints them. */
final class GoValues {
  private GoValues() {}

  /** Parameters are normalised like govaluate's sanitizedParameters: all numbers become doubles. */
  static Object normalize(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Character c) {
      return c.toString();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(normalize(o));
      }
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put(k, normalize(val)));
      return out;
    }
    return v;
  }

  static String format(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double d) {
      return formatFloat(d);
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(format(list.get(i)));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(v);
  }

  static String formatFloat(double d) {
    return GoFormat.float64(d);
  }

  static String typeName(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof Double) {
      return "number";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof List) {
      return "list";
    }
    return v instanceof Map ? "map" : v.getClass().getSimpleName();
  }
}
