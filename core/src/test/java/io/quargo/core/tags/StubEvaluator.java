package io.quargo.core.tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny stand-in for expr-lang, for tests only: literals, variable paths (dots and ['x']), {@code a ?? b},
 * {@code a + number}, and the names {@code boom} (throws), {@code list} and {@code map}.
 */
final class StubEvaluator implements ExpressionEvaluator {
  @Override
  public Object evaluate(String expression, Map<String, Object> env) {
    String e = expression.strip();
    int coalesce = e.indexOf("??");
    if (coalesce > 0) {
      Object left = evaluate(e.substring(0, coalesce), env);
      return left != null ? left : evaluate(e.substring(coalesce + 2), env);
    }
    int plus = e.indexOf(" + ");
    if (plus > 0) {
      String l = String.valueOf(evaluate(e.substring(0, plus), env));
      String r = String.valueOf(evaluate(e.substring(plus + 3), env));
      if (l.contains(".") || r.contains(".")) {
        return Double.parseDouble(l) + Double.parseDouble(r);
      }
      return Long.parseLong(l) + Long.parseLong(r);
    }
    if (e.startsWith("'") || e.startsWith("\"")) {
      return e.substring(1, e.length() - 1);
    }
    if (Character.isDigit(e.charAt(0))) {
      return e;
    }
    return switch (e) {
      case "true" -> true;
      case "boom" -> throw new IllegalStateException("boom");
      case "list" -> List.of("a", "b");
      case "map" -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", "x");
        m.put("a", 1);
        yield m;
      }
      default -> path(e, env);
    };
  }

  private static Object path(String e, Map<String, Object> env) {
    Object current = env;
    for (String part : e.replace("['", ".").replace("']", "").split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(part);
    }
    return current;
  }
}
