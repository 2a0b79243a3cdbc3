package io.quargo.core.lang;

import io.quargo.core.expr.Expr;
import io.quargo.core.expr.ExprOptions;
import io.quargo.core.expr.FunctionRegistry;
import io.quargo.core.expr.Program;
import io.quargo.core.sprig.Sprig;
import io.quargo.core.tags.ExpressionEvaluator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * expr-lang as Argo configures it: the builtins plus sprig under {@code sprig.*}. Evaluates the
 * {@code {{= ...}}} tags of the {@code tags} package, compiling each distinct expression once.
 */
public final class ArgoExpressions implements ExpressionEvaluator {
  /** Distinct expressions kept compiled; beyond it the cache starts over (workflows reuse a few). */
  private static final int CACHE_LIMIT = 4096;

  private final ExprOptions options;
  private final Map<String, Program> compiled = new ConcurrentHashMap<>();

  public ArgoExpressions(Sprig sprig) {
    this.options = ExprOptions.DEFAULT.withFunctions(sprigFunctions(sprig));
  }

  public static ArgoExpressions standard() {
    return new ArgoExpressions(Sprig.standard());
  }

  /** Every sprig function, callable as {@code sprig.<name>(...)}. */
  public static FunctionRegistry sprigFunctions(Sprig sprig) {
    return FunctionRegistry.namespaced("sprig",
        name -> sprig.has(name) ? args -> sprig.call(name, args.toArray()) : null);
  }

  public ExprOptions options() {
    return options;
  }

  /** Compiles (or takes from the cache) and runs; errors are {@code ExprException}s naming the position. */
  @Override
  public Object evaluate(String expression, Map<String, Object> env) {
    return program(expression).run(env);
  }

  public Program program(String expression) {
    Program program = compiled.get(expression);
    if (program == null) {
      if (compiled.size() >= CACHE_LIMIT) {
        compiled.clear();
      }
      program = Expr.compile(expression, options);
      compiled.put(expression, program);
    }
    return program;
  }
}
