package io.quargo.core.expr;

import java.util.Map;

/** One row of a golden table: source line, expression, environment and the expected outcome. */
record GoldenCase(int line, String expression, Map<String, Object> env, String expected) {

  boolean expectsError() {
    return expected.startsWith("!");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + expression;
  }
}
