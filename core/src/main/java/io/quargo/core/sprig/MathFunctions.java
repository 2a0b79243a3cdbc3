package io.quargo.core.sprig;

/** sprig's math: integer functions go through cast.ToInt64 (lenient), the *f family through ToFloat64. */
final class MathFunctions {
  private MathFunctions() {}

  static void register(Registry r) {
    r.add("add", "a*", a -> { long s = 0; for (Object o : a) s += GoValues.toInt64(o); return s; });
    r.add("add1", "a", a -> GoValues.toInt64(a[0]) + 1);
    r.add("sub", "aa", a -> GoValues.toInt64(a[0]) - GoValues.toInt64(a[1]));
    r.add("div", "aa", a -> { long d = divisor(a[1]); return GoValues.toInt64(a[0]) / d; });
    r.add("mod", "aa", a -> { long d = divisor(a[1]); return GoValues.toInt64(a[0]) % d; });
    r.add("mul", "aa*", a -> { long p = 1; for (Object o : a) p *= GoValues.toInt64(o); return p; });
    r.add("max", "aa*", a -> { long m = GoValues.toInt64(a[0]); for (Object o : a) m = Math.max(m, GoValues.toInt64(o)); return m; });
    r.alias("biggest", "max");
    r.add("min", "aa*", a -> { long m = GoValues.toInt64(a[0]); for (Object o : a) m = Math.min(m, GoValues.toInt64(o)); return m; });
    r.add("addf", "a*", a -> { double s = 0; for (Object o : a) s += GoValues.toFloat64(o); return s; });
    r.add("add1f", "a", a -> GoValues.toFloat64(a[0]) + 1);
    r.add("subf", "aa*", a -> { double s = GoValues.toFloat64(a[0]); for (int i = 1; i < a.length; i++) s -= GoValues.toFloat64(a[i]); return s; });
    r.add("mulf", "aa*", a -> { double s = GoValues.toFloat64(a[0]); for (int i = 1; i < a.length; i++) s *= GoValues.toFloat64(a[i]); return s; });
    r.add("divf", "aa*", a -> { double s = GoValues.toFloat64(a[0]); for (int i = 1; i < a.length; i++) s /= GoValues.toFloat64(a[i]); return s; });
    r.add("maxf", "aa*", a -> { double m = GoValues.toFloat64(a[0]); for (Object o : a) m = Math.max(m, GoValues.toFloat64(o)); return m; });
    r.add("minf", "aa*", a -> { double m = GoValues.toFloat64(a[0]); for (Object o : a) m = Math.min(m, GoValues.toFloat64(o)); return m; });
    r.add("floor", "a", a -> Math.floor(GoValues.toFloat64(a[0])));
    r.add("ceil", "a", a -> Math.ceil(GoValues.toFloat64(a[0])));
    r.add("round", "ai*", a -> round(a));
    r.add("int", "a", a -> GoValues.toInt64(a[0]));
    r.add("int64", "a", a -> GoValues.toInt64(a[0]));
    r.add("float64", "a", a -> GoValues.toFloat64(a[0]));
    r.add("atoi", "s", a -> { Long v = GoNumbers.parseInt((String) a[0], 10); return v == null ? 0L : v; });
  }

  private static long divisor(Object v) {
    long d = GoValues.toInt64(v);
    if (d == 0) throw new Fail("runtime error: integer divide by zero");
    return d;
  }

  /** sprig's round(value, places, roundOn=.5): round half away by comparing the fraction. */
  private static double round(Object[] a) {
    if (a.length > 3) throw new Fail("too many arguments");
    double roundOn = a.length > 2 ? ((Long) a[2]).doubleValue() : .5;
    double val = GoValues.toFloat64(a[0]);
    double pow = Math.pow(10, a.length > 1 ? (Long) a[1] : 0);
    double digit = pow * val;
    double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    double rounded = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
    return rounded / pow;
  }
}
