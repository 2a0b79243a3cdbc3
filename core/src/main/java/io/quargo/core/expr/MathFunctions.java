package io.quargo.core.expr;

import static io.quargo.core.expr.Builtins.add;
import static io.quargo.core.expr.Builtins.integer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Number builtins: abs, max, min, ceil, floor, round, sum, mean, median and the bit* family. */
final class MathFunctions {
  private MathFunctions() {}

  static void register(Map<String, Builtin> t) {
    add(t, Builtin.of("abs", 1, 1, (c, a) -> abs(a[0])));
    add(t, Builtin.variadic("max", 1, (c, a) -> extreme(c, a, true)));
    add(t, Builtin.variadic("min", 1, (c, a) -> extreme(c, a, false)));
    add(t, Builtin.of("ceil", 1, 1, (c, a) -> Math.ceil(number(a[0], "ceil"))));
    add(t, Builtin.of("floor", 1, 1, (c, a) -> Math.floor(number(a[0], "floor"))));
    add(t, Builtin.of("round", 1, 1, (c, a) -> roundHalfAway(number(a[0], "round"))));
    add(t, Builtin.of("sum", 1, 1, (c, a) -> sum(numbers(c, a, "sum"))));
    add(t, Builtin.of("mean", 1, 1, (c, a) -> mean(numbers(c, a, "mean"))));
    add(t, Builtin.of("median", 1, 1, (c, a) -> median(numbers(c, a, "median"))));
    add(t, Builtin.of("bitand", 2, 2, (c, a) -> integer(a, 0, "bitand") & integer(a, 1, "bitand")));
    add(t, Builtin.of("bitor", 2, 2, (c, a) -> integer(a, 0, "bitor") | integer(a, 1, "bitor")));
    add(t, Builtin.of("bitxor", 2, 2, (c, a) -> integer(a, 0, "bitxor") ^ integer(a, 1, "bitxor")));
    add(t, Builtin.of("bitnand", 2, 2, (c, a) -> integer(a, 0, "bitnand") & ~integer(a, 1, "bitnand")));
    add(t, Builtin.of("bitnot", 1, 1, (c, a) -> ~integer(a, 0, "bitnot")));
    add(t, Builtin.of("bitshl", 2, 2, (c, a) -> integer(a, 0, "bitshl") << shift(a, "bitshl")));
    add(t, Builtin.of("bitshr", 2, 2, (c, a) -> integer(a, 0, "bitshr") >> shift(a, "bitshr")));
    add(t, Builtin.of("bitushr", 2, 2, (c, a) -> integer(a, 0, "bitushr") >>> shift(a, "bitushr")));
  }

  private static long shift(Object[] a, String fn) {
    long n = integer(a, 1, fn);
    if (n < 0) {
      throw new EvalFailure(fn + ": negative shift count");
    }
    return n;
  }

  static double number(Object v, String fn) {
    if (Values.isNumber(v)) {
      return Values.toDouble(v);
    }
    throw new EvalFailure("invalid argument for " + fn + " (type " + Values.typeName(v) + ")");
  }

  private static Object abs(Object v) {
    if (v instanceof Long l) {
      return Math.abs(l);
    }
    return Math.abs(number(v, "abs"));
  }

  private static double roundHalfAway(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return Math.signum(d) * Math.floor(Math.abs(d) + 0.5);
  }

  /** Arguments may be numbers or arrays of numbers, flattened one level. */
  private static List<Object> numbers(EvalContext ctx, Object[] a, String fn) {
    List<Object> out = new ArrayList<>();
    for (Object v : a) {
      if (v instanceof List<?> l) {
        ctx.charge(l.size());
        for (int i = 0; i < l.size(); i++) {
          out.add(checked(Values.at(l, i), fn));
        }
      } else {
        out.add(checked(v, fn));
      }
    }
    return out;
  }

  private static Object checked(Object v, String fn) {
    if (!Values.isNumber(v)) {
      throw new EvalFailure("invalid argument for " + fn + " (type " + Values.typeName(v) + ")");
    }
    return v;
  }

  private static Object extreme(EvalContext ctx, Object[] a, boolean max) {
    List<Object> nums = numbers(ctx, a, max ? "max" : "min");
    if (nums.isEmpty()) {
      throw new EvalFailure("not enough arguments to call " + (max ? "max" : "min"));
    }
    Object best = nums.get(0);
    for (Object v : nums) {
      int c = Operators.compare(max ? "max" : "min", v, best);
      if (max ? c > 0 : c < 0 && c != Integer.MIN_VALUE) {
        best = v;
      }
    }
    return best;
  }

  private static Object sum(List<Object> nums) {
    Object total = 0L;
    for (Object v : nums) {
      total = Operators.add(total, v);
    }
    return total;
  }

  private static Object mean(List<Object> nums) {
    if (nums.isEmpty()) {
      return 0.0;
    }
    return Values.toDouble(Operators.add(0.0, sum(nums))) / nums.size();
  }

  private static Object median(List<Object> nums) {
    if (nums.isEmpty()) {
      return 0.0;
    }
    double[] d = nums.stream().mapToDouble(Values::toDouble).toArray();
    Arrays.sort(d);
    int mid = d.length / 2;
    return d.length % 2 == 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2;
  }
}
