package io.quargo.core.gjson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The test inside {@code #(...)}: a sub-path on each element, an operator and a JSON literal
 * ({@code #(name=="x")}, {@code #(age>40)}, {@code #(name%"J*")}); with no operator, the sub-path must exist.
 */
record Condition(GjsonPath left, String op, JsonNode right) {

  boolean test(JsonNode element) {
    GjsonResult r = left.get(element);
    if (op == null) {
      return r.exists();
    }
    if (!r.exists()) {
      return false;
    }
    JsonNode v = r.node();
    return switch (op) {
      case "%" -> v.isTextual() && right.isTextual() && Wildcard.matches(right.asText(), v.asText());
      case "!%" -> v.isTextual() && right.isTextual() && !Wildcard.matches(right.asText(), v.asText());
      default -> compare(v);
    };
  }

  private boolean compare(JsonNode v) {
    Integer c = order(v, right);
    return switch (op) {
      case "==", "=" -> c != null && c == 0;
      case "!=" -> c == null || c != 0;
      case "<" -> c != null && c < 0;
      case "<=" -> c != null && c <= 0;
      case ">" -> c != null && c > 0;
      default -> c != null && c >= 0;
    };
  }

  /** Numbers compare numerically, strings by text, booleans and null by equality; mixed kinds never match. */
  private static Integer order(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isTextual() && b.isTextual()) {
      return Integer.signum(a.asText().compareTo(b.asText()));
    }
    if ((a.isBoolean() && b.isBoolean()) || (a.isNull() && b.isNull())) {
      return a.equals(b) ? 0 : null;
    }
    return null;
  }
}
