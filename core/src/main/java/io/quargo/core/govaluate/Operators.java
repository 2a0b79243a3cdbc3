package io.quargo.core.govaluate;

import java.util.List;
import java.util.regex.Pattern;

/** Binary operators once both sides are known, with govaluate's per-operator type checks. */
final class Operators {
  private Operators() {}

  static Object apply(GovaluateEvaluator ev, Node.Binary b, Object l, Object r) {
    String op = b.op();
    int at = b.offset();
    return switch (op) {
      case "&&", "||" -> logical(ev, op, at, l, r);
      // govaluate compares with reflect.DeepEqual: 1 == '1' is false, there is no coercion.
      case "==" -> GovaluateEvaluator.goEquals(l, r);
      case "!=" -> !GovaluateEvaluator.goEquals(l, r);
      case "<", "<=", ">", ">=" -> compare(ev, op, at, l, r);
      case "=~", "!~" -> regex(ev, op, at, l, r);
      case "in" -> in(ev, at, l, r);
      case "+" -> plus(ev, at, l, r);
      case "?" -> {
        if (!(l instanceof Boolean)) {
          throw ev.typeError(at, l, "the ternary operator '?'", "bool");
        }
        yield r;
      }
      case "??", ":" -> r;
      default -> arithmetic(ev, op, at, l, r);
    };
  }

  private static Object logical(GovaluateEvaluator ev, String op, int at, Object l, Object r) {
    if (!(l instanceof Boolean lb)) {
      throw ev.typeError(at, l, "the logical operator '" + op + "'", "bool");
    }
    if (!(r instanceof Boolean rb)) {
      throw ev.typeError(at, r, "the logical operator '" + op + "'", "bool");
    }
    return op.equals("&&") ? lb && rb : lb || rb;
  }

  private static Object compare(GovaluateEvaluator ev, String op, int at, Object l, Object r) {
    int c;
    if (l instanceof Double a && r instanceof Double bv) {
      // NaN compares false both ways in Go; Double.compare would order it.
      if (a.isNaN() || bv.isNaN()) {
        return false;
      }
      c = Double.compare(a == 0.0 ? 0.0 : a, bv == 0.0 ? 0.0 : bv);
    } else if (l instanceof String a && r instanceof String bv) {
      c = a.compareTo(bv);
    } else {
      Object bad = l instanceof Double || l instanceof String ? r : l;
      throw ev.error(at, "value '" + GoValues.format(bad) + "' (" + GoValues.typeName(bad)
          + ") cannot be used with the comparator '" + op + "': both sides must be numbers or both strings");
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static Object regex(GovaluateEvaluator ev, String op, int at, Object l, Object r) {
    if (!(l instanceof String subject)) {
      throw ev.typeError(at, l, "the comparator '" + op + "'", "string");
    }
    if (!(r instanceof String pattern)) {
      throw ev.typeError(at, r, "the comparator '" + op + "'", "string (regex)");
    }
    try {
      Pattern p = BoundedRegex.compile(pattern);
      boolean found = BoundedRegex.find(p, subject);
      return op.equals("=~") == found;
    } catch (IllegalArgumentException e) {
      throw ev.error(at, e.getMessage());
    }
  }

  private static Object in(GovaluateEvaluator ev, int at, Object l, Object r) {
    if (!(r instanceof List<?> list)) {
      throw ev.error(at, "value '" + GoValues.format(r) + "' cannot be used with the comparator 'in': the right"
          + " side must be a list such as (1, 2, 3)");
    }
    for (Object item : list) {
      if (GovaluateEvaluator.goEquals(l, item)) {
        return true;
      }
    }
    return false;
  }

  /** '+' adds numbers, and concatenates (Go %v formatting) as soon as either side is a string. */
  private static Object plus(GovaluateEvaluator ev, int at, Object l, Object r) {
    if (l instanceof String || r instanceof String) {
      return GoValues.format(l) + GoValues.format(r);
    }
    return ev.number(l, at, "the modifier '+'") + ev.number(r, at, "the modifier '+'");
  }

  private static Object arithmetic(GovaluateEvaluator ev, String op, int at, Object l, Object r) {
    String what = "the modifier '" + op + "'";
    double a = ev.number(l, at, what);
    double b = ev.number(r, at, what);
    return switch (op) {
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "%" -> a % b;
      case "**" -> Math.pow(a, b);
      case "&" -> (double) ((long) a & (long) b);
      case "|" -> (double) ((long) a | (long) b);
      case "^" -> (double) ((long) a ^ (long) b);
      case "<<" -> (double) ((long) a << shift(ev, at, b));
      default -> (double) ((long) a >> shift(ev, at, b));
    };
  }

  /** Go shifts by counts >= 64 give 0 (or -1); Java masks the count, so clamp it explicitly. */
  private static long shift(GovaluateEvaluator ev, int at, double b) {
    if (b < 0) {
      throw ev.error(at, "negative shift count " + GoValues.format(b));
    }
    return Math.min((long) b, 63);
  }
}
