package io.quargo.core.expr;

import io.quargo.core.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Parsing of array literals {@code [a, b]} and map literals {@code {k: v, "k2": v, (expr): v}}. */
final class Literals {
  private Literals() {}

  static Node array(Parser p, Token open) {
    List<Node> items = new ArrayList<>();
    while (!p.cur().isOp("]")) {
      items.add(p.parseConditional());
      if (!p.cur().isOp(",")) {
        break;
      }
      p.advance();
    }
    p.expectOp("]");
    return p.checked(new LiteralNodes.ArrayLit(open, items));
  }

  static Node map(Parser p, Token open) {
    List<Node> keys = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    while (!p.cur().isOp("}")) {
      keys.add(key(p));
      p.expectOp(":");
      values.add(p.parseConditional());
      if (!p.cur().isOp(",")) {
        break;
      }
      p.advance();
    }
    p.expectOp("}");
    return p.checked(new LiteralNodes.MapLit(open, keys, values));
  }

  private static Node key(Parser p) {
    Token t = p.cur();
    if (t.kind() == Kind.IDENT || t.kind() == Kind.INT || t.kind() == Kind.FLOAT) {
      p.advance();
      return new LiteralNodes.Const(t, t.text());
    }
    if (t.kind() == Kind.STRING) {
      p.advance();
      return new LiteralNodes.Const(t, t.value());
    }
    if (t.isOp("(")) {
      p.advance();
      Node k = p.parseConditional();
      p.expectOp(")");
      return k;
    }
    throw p.unexpected(t);
  }
}
