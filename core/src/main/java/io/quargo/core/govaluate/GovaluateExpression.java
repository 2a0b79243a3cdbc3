package io.quargo.core.govaluate;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed govaluate expression: parse once, evaluate many times (thread-safe). Used for Workflows {@code when}
 * (after {@code {{ }}} substitution, bare words as strings) and Sensor {@code exprs} filters (bare words as
 * parameters).
 */
public final class GovaluateExpression {
  private final String source;
  private final Node root;
  private final Set<String> variables;

  private GovaluateExpression(String source, Node root) {
    this.source = source;
    this.root = root;
    Set<String> vars = new LinkedHashSet<>();
    collectVariables(root, vars);
    this.variables = Collections.unmodifiableSet(vars);
  }

  /** Parses; a syntax error is a {@link GovaluateException} naming line:col and the reason. */
  public static GovaluateExpression parse(String source, GovaluateMode mode) {
    return new GovaluateExpression(source, GovaluateParser.parse(source, mode));
  }

  public String source() {
    return source;
  }

  /** Parameter names the expression reads (empty in bare-words mode, where words are strings). */
  public Set<String> variables() {
    return variables;
  }

  /**
   * Evaluates to a Boolean, Double, String, List or null. Numbers in {@code params} are read as doubles, as
   * govaluate does.
   */
  public Object evaluate(Map<String, ?> params) {
    return new GovaluateEvaluator(source, params).eval(root);
  }

  /** Evaluates and insists on a boolean, as both {@code when} and Sensor filters do. */
  public boolean evaluateBoolean(Map<String, ?> params) {
    Object result = evaluate(params);
    if (result instanceof Boolean b) {
      return b;
    }
    throw new GovaluateException(source, 0, "expected a boolean result for '" + source + "', got "
        + GoValues.typeName(result) + " '" + GoValues.format(result) + "'");
  }

  private static void collectVariables(Node node, Set<String> out) {
    if (node instanceof Node.Variable v) {
      out.add(v.name());
    } else if (node instanceof Node.Accessor a) {
      out.add(a.parts().get(0));
    } else if (node instanceof Node.Unary u) {
      collectVariables(u.operand(), out);
    } else if (node instanceof Node.Binary b) {
      collectVariables(b.left(), out);
      collectVariables(b.right(), out);
    } else if (node instanceof Node.ListNode l) {
      l.items().forEach(item -> collectVariables(item, out));
    }
  }

  @Override
  public String toString() {
    return source;
  }
}
