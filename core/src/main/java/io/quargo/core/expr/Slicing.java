package io.quargo.core.expr;

import java.util.ArrayList;
import java.util.List;

/** Index arithmetic shared by {@code a[i]} and {@code a[i:j]}: negative counts from the end. */
final class Slicing {
  private Slicing() {}

  static int position(Object key, int length) {
    long i = toIndex(key);
    long p = i < 0 ? length + i : i;
    if (p < 0 || p >= length) {
      throw new EvalFailure("index out of range: " + i + " (array length is " + length + ")");
    }
    return (int) p;
  }

  static long toIndex(Object key) {
    if (key instanceof Long l) {
      return l;
    }
    if (key instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      return d.longValue();
    }
    throw new EvalFailure("index must be an int, got " + Values.typeName(key));
  }

  /** Bounds are clamped, as expr does, so slicing never fails on range. */
  static Object slice(Object o, Object from, Object to) {
    if (o instanceof List<?> list) {
      int[] r = range(from, to, list.size());
      return new ArrayList<Object>(list.subList(r[0], r[1]));
    }
    if (o instanceof String s) {
      int[] cps = s.codePoints().toArray();
      int[] r = range(from, to, cps.length);
      return new String(cps, r[0], r[1] - r[0]);
    }
    throw new EvalFailure("cannot slice " + Values.typeName(o));
  }

  private static int[] range(Object from, Object to, int length) {
    long a = from == null ? 0 : toIndex(from);
    long b = to == null ? length : toIndex(to);
    a = clamp(a < 0 ? length + a : a, length);
    b = clamp(b < 0 ? length + b : b, length);
    if (a > b) {
      a = b;
    }
    return new int[] {(int) a, (int) b};
  }

  private static long clamp(long v, int length) {
    return Math.max(0, Math.min(v, length));
  }
}
