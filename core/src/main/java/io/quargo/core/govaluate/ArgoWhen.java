package io.quargo.core.govaluate;

import java.util.Map;

/**
 * Argo Workflows' {@code when} check ({@code shouldExecute}): the already-substituted string is a govaluate
 * expression whose bare words are strings; empty means "run"; anything but a boolean is an error.
 */
public final class ArgoWhen {
  private ArgoWhen() {}

  /**
   * @throws GovaluateException with Argo's hint to quote values when the expression does not parse, or when the
   *     result is not a boolean
   */
  public static boolean shouldExecute(String when) {
    if (when == null || when.isEmpty()) {
      return true;
    }
    GovaluateExpression expression;
    try {
      expression = GovaluateExpression.parse(when, GovaluateMode.BARE_WORDS_ARE_STRINGS);
    } catch (GovaluateException e) {
      throw new GovaluateException(when, GovaluateException.offsetOf(when, e), "invalid 'when' expression '" + when + "': "
          + e.reason() + " (hint: try wrapping the affected expression in quotes (\"))");
    }
    return expression.evaluateBoolean(Map.of());
  }
}
