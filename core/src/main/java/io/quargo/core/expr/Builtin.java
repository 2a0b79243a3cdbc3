package io.quargo.core.expr;

/** A builtin function: name, accepted argument counts and the implementation. */
record Builtin(String name, int minArgs, int maxArgs, Impl impl) {

  @FunctionalInterface
  interface Impl {
    Object apply(EvalContext ctx, Object[] args);
  }

  static Builtin of(String name, int min, int max, Impl impl) {
    return new Builtin(name, min, max, impl);
  }

  /** Variadic with at least {@code min} arguments. */
  static Builtin variadic(String name, int min, Impl impl) {
    return new Builtin(name, min, Integer.MAX_VALUE, impl);
  }
}
