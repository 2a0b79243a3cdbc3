package io.quargo.core.expr;

import java.util.Map;

/**
 * Entry point of the expr-lang interpreter (github.com/expr-lang/expr semantics) as Argo uses it in
 * {@code {{=...}}} tags, Events filter expressions and Rollouts conditions.
 *
 * <pre>{@code
 * Program p = Expr.compile("inputs.parameters.count > 3 && workflow.status == \"Succeeded\"");
 * boolean ok = p.test(env);
 * }</pre>
 */
public final class Expr {
  private Expr() {}

  public static Program compile(String source) {
    return compile(source, ExprOptions.DEFAULT);
  }

  public static Program compile(String source, ExprOptions options) {
    if (source == null) {
      throw new ExprException("expression is null", 1, 1);
    }
    try {
      Parser parser = new Parser(source, options);
      Node root = parser.parseProgram();
      return new Program(source, root, parser.letSlots, options, parser.references);
    } catch (StackOverflowError e) {
      throw new ExprException("expression nested too deeply", 1, 1);
    } catch (EvalFailure e) {
      throw new ExprException(e.getMessage(), 1, 1);
    }
  }

  /** Compiles and runs once; prefer {@link #compile} when evaluating the same source repeatedly. */
  public static Object eval(String source, Map<String, ?> env) {
    return compile(source).run(env);
  }
}
