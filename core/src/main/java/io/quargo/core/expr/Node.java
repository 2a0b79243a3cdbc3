package io.quargo.core.expr;

/**
 * An immutable AST node. {@link #eval} is the tree-walking evaluator; {@link #height} lets the parser
 * refuse trees whose evaluation would recurse too deeply for the Java stack.
 */
abstract class Node {
  final int line;
  final int col;
  final int height;

  Node(int line, int col, Node... children) {
    this.line = line;
    this.col = col;
    int h = 0;
    for (Node c : children) {
      if (c != null && c.height > h) {
        h = c.height;
      }
    }
    this.height = h + 1;
  }

  Node(Token at, Node... children) {
    this(at.line(), at.column(), children);
  }

  /** Evaluates this node; helpers' position-less failures are re-thrown here with our position. */
  final Object eval(EvalContext ctx) {
    ctx.tick();
    try {
      return evaluate(ctx);
    } catch (EvalFailure f) {
      throw error(f.getMessage());
    } catch (ArithmeticException | java.time.DateTimeException e) {
      // Overflow in duration/time arithmetic: Go would wrap or clamp; we report it at this node.
      throw error("time arithmetic overflow: " + e.getMessage());
    }
  }

  abstract Object evaluate(EvalContext ctx);

  /** The node to use on the left of {@code ??}: member chains become nil-safe. */
  Node nilSafe() {
    return this;
  }

  ExprException error(String reason) {
    return new ExprException(reason, line, col);
  }
}
