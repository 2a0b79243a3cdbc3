package io.quargo.core.tags;

import java.util.Map;

/**
 * Evaluates the body of an expression tag {@code {{= ...}}} (expr-lang in Argo). Implemented by the expr-lang
 * module; this package only needs the call. Any RuntimeException means "could not evaluate"; a null result is
 * treated as unresolved, as in Argo.
 */
@FunctionalInterface
public interface ExpressionEvaluator {
  /** Refuses every expression; used when no evaluator is configured. */
  ExpressionEvaluator NONE = (expr, env) -> {
    throw new UnsupportedOperationException("no expression evaluator configured for {{=" + expr + "}}");
  };

  /**
   * @param expression the tag body after '=' (not trimmed)
   * @param env nested variables: {@code inputs.parameters.x} is {@code env["inputs"]["parameters"]["x"]}
   */
  Object evaluate(String expression, Map<String, Object> env);
}
