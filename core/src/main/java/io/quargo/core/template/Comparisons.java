package io.quargo.core.template;

import io.quargo.core.sprig.GoPrint;
import io.quargo.core.sprig.GoTime;
import io.quargo.core.sprig.GoValues;
import io.quargo.core.text.GoStrings;
import java.util.List;
import java.util.Map;

/** eq and lt with Go's kind rules: int and float64 do not mix, and composite values do not compare. */
final class Comparisons {
  private enum Kind { BOOL, INT, FLOAT, STRING, OTHER }

  private Comparisons() {}

  private static Kind kind(Object v) {
    if (v instanceof Boolean) return Kind.BOOL;
    if (v instanceof Long) return Kind.INT;
    if (v instanceof Double) return Kind.FLOAT;
    if (v instanceof String) return Kind.STRING;
    return Kind.OTHER;
  }

  static boolean eq(Object a, List<Object> others) {
    if (others.isEmpty()) throw Builtins.called("eq", "missing argument for comparison", true);
    Kind k1 = kind(a);
    for (Object b : others) {
      Kind k2 = kind(b);
      boolean truth;
      if (k1 != k2) {
        if (a != null && b != null) throw Builtins.called("eq", "incompatible types for comparison", true);
        truth = false;
      } else if (k1 == Kind.FLOAT) {
        truth = (double) (Double) a == (double) (Double) b;
      } else if (k1 != Kind.OTHER) {
        truth = a.equals(b);
      } else {
        truth = compareOther(a, b);
      }
      if (truth) return true;
    }
    return false;
  }

  private static boolean compareOther(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a instanceof GoTime && b instanceof GoTime) return a.equals(b);
    if (isComposite(a) || isComposite(b)) {
      throw Builtins.called("eq", "non-comparable types " + GoPrint.value(a) + ": " + GoValues.typeName(a)
          + ", " + GoValues.typeName(b) + ": " + GoPrint.value(b), true);
    }
    return a.equals(b);
  }

  private static boolean isComposite(Object v) {
    return v instanceof List || v instanceof Map;
  }

  static boolean lt(Object a, Object b) {
    Kind k1 = kind(a);
    Kind k2 = kind(b);
    if (k1 == Kind.OTHER || k2 == Kind.OTHER) throw Builtins.called("lt", "invalid type for comparison", true);
    if (k1 != k2) throw Builtins.called("lt", "incompatible types for comparison", true);
    switch (k1) {
      case BOOL: throw Builtins.called("lt", "invalid type for comparison", true);
      case INT: return (Long) a < (Long) b;
      case FLOAT: return (Double) a < (Double) b;
      default: return GoStrings.compare((String) a, (String) b) < 0;
    }
  }
}
