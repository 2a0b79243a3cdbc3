package io.quargo.core.govaluate;

import java.util.List;

/** The parsed expression tree; each node remembers its source offset for error messages. */
sealed interface Node {
  int offset();

  record Literal(Object value, int offset) implements Node {}

  record Variable(String name, int offset) implements Node {}

  /** govaluate field access {@code a.B}: the first part is a parameter, the rest are fields. */
  record Accessor(List<String> parts, int offset) implements Node {}

  record Unary(String op, Node operand, int offset) implements Node {}

  record Binary(String op, Node left, Node right, int offset) implements Node {}

  /** A comma-separated list, as used by {@code x in (1, 2, 3)}. */
  record ListNode(List<Node> items, int offset) implements Node {}
}
