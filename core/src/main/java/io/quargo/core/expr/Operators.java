package io.quargo.core.expr;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Binary operator semantics. Following expr: int op int stays int (wrapping like Go's int64),
 * any float makes float, {@code /} and {@code **} always yield float, {@code %} is int-only.
 */
final class Operators {
  private Operators() {}

  static Object add(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x + y;
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Values.toDouble(a) + Values.toDouble(b);
    }
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    if (a instanceof ZonedDateTime t && b instanceof Duration d) {
      return t.plus(d);
    }
    if (a instanceof Duration d && b instanceof ZonedDateTime t) {
      return t.plus(d);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.plus(y);
    }
    throw mismatch("+", a, b);
  }

  static Object subtract(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x - y;
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Values.toDouble(a) - Values.toDouble(b);
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return Duration.between(y, x);
    }
    if (a instanceof ZonedDateTime t && b instanceof Duration d) {
      return t.minus(d);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.minus(y);
    }
    throw mismatch("-", a, b);
  }

  static Object multiply(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x * y;
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Values.toDouble(a) * Values.toDouble(b);
    }
    if (a instanceof Duration d && b instanceof Long n) {
      return d.multipliedBy(n);
    }
    if (a instanceof Long n && b instanceof Duration d) {
      return d.multipliedBy(n);
    }
    throw mismatch("*", a, b);
  }

  /** expr divides as floats even for two ints: {@code 7 / 2 == 3.5}, {@code 1 / 0} is +Inf. */
  static Object divide(Object a, Object b) {
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Values.toDouble(a) / Values.toDouble(b);
    }
    throw mismatch("/", a, b);
  }

  static Object modulo(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw new EvalFailure("integer divide by zero");
      }
      return x % y;
    }
    throw mismatch("%", a, b);
  }

  static Object power(Object a, Object b) {
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Math.pow(Values.toDouble(a), Values.toDouble(b));
    }
    throw mismatch("**", a, b);
  }

  /** Ordering for {@code < > <= >=}: numbers, strings, durations and times; else a type error. */
  static int compare(String op, Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      double x = Values.toDouble(a);
      double y = Values.toDouble(b);
      // NaN is unordered: every comparison with it is false, so report "incomparable".
      return Double.isNaN(x) || Double.isNaN(y) ? Integer.MIN_VALUE : Double.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.compareTo(y);
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    throw mismatch(op, a, b);
  }

  static boolean in(Object needle, Object haystack) {
    return in(needle, haystack, null);
  }

  static boolean in(Object needle, Object haystack, EvalContext ctx) {
    if (haystack instanceof List<?> list) {
      for (Object item : list) {
        if (Values.equal(item, needle, ctx)) {
          return true;
        }
      }
      return false;
    }
    if (haystack instanceof Map<?, ?> m) {
      try {
        return needle instanceof String s && m.containsKey(s);
      } catch (ClassCastException e) {
        return false;
      }
    }
    throw new EvalFailure("operator in not defined on " + Values.typeName(haystack));
  }

  static String[] strings(String op, Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return new String[] {x, y};
    }
    throw mismatch(op, a, b);
  }

  static EvalFailure mismatch(String op, Object a, Object b) {
    return new EvalFailure("invalid operation: " + op + " (mismatched types "
        + Values.typeName(a) + " and " + Values.typeName(b) + ")");
  }

  static Object negate(Object v) {
    if (v instanceof Long x) {
      return -x;
    }
    if (v instanceof Double x) {
      return -x;
    }
    if (v instanceof Duration d) {
      return d.negated();
    }
    throw new EvalFailure("invalid operation: - (mismatched type " + Values.typeName(v) + ")");
  }
}
