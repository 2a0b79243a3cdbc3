package io.quargo.core.sprig;

/** One sprig function over Go-like values (String, Long, Double, Boolean, List, Map, GoTime, null). */
@FunctionalInterface
public interface SprigFunction {
  Object apply(Object... args);
}
