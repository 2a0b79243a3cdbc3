package io.quargo.core.expr;

import java.util.Map;
import java.util.Objects;

/**
 * Resolves functions that are not expr builtins, by qualified name: {@code sprig.upper(x)} looks up
 * {@code "sprig.upper"}. The sprig library plugs in here without the interpreter depending on it.
 */
@FunctionalInterface
public interface FunctionRegistry {
  /** The function called {@code qualifiedName} (e.g. {@code "sprig.trim"}), or null if unknown. */
  ExprFunction find(String qualifiedName);

  static FunctionRegistry empty() {
    return name -> null;
  }

  /** A fixed table; keys are qualified names. */
  static FunctionRegistry of(Map<String, ExprFunction> functions) {
    Map<String, ExprFunction> copy = Map.copyOf(functions);
    return copy::get;
  }

  /** All functions of {@code inner} under {@code namespace + "."}, e.g. a sprig table under "sprig". */
  static FunctionRegistry namespaced(String namespace, FunctionRegistry inner) {
    String prefix = namespace + ".";
    return name -> name.startsWith(prefix) ? inner.find(name.substring(prefix.length())) : null;
  }

  /** This registry first, then {@code other}. */
  default FunctionRegistry or(FunctionRegistry other) {
    Objects.requireNonNull(other);
    return name -> {
      ExprFunction f = find(name);
      return f != null ? f : other.find(name);
    };
  }
}
