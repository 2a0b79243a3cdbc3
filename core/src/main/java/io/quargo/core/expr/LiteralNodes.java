package io.quargo.core.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Constants, array and map literals, and {@code let} bindings. */
final class LiteralNodes {
  private LiteralNodes() {}

  static final class Const extends Node {
    final Object value;

    Const(Token at, Object value) {
      super(at);
      this.value = value;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      return value;
    }
  }

  static final class ArrayLit extends Node {
    private final Node[] items;

    ArrayLit(Token at, List<Node> items) {
      super(at, items.toArray(new Node[0]));
      this.items = items.toArray(new Node[0]);
    }

    @Override
    Object evaluate(EvalContext ctx) {
      List<Object> out = new ArrayList<>(items.length);
      for (Node n : items) {
        out.add(n.eval(ctx));
      }
      return out;
    }
  }

  static final class MapLit extends Node {
    private final Node[] keys;
    private final Node[] values;

    MapLit(Token at, List<Node> keys, List<Node> values) {
      super(at, concat(keys, values));
      this.keys = keys.toArray(new Node[0]);
      this.values = values.toArray(new Node[0]);
    }

    private static Node[] concat(List<Node> a, List<Node> b) {
      List<Node> all = new ArrayList<>(a);
      all.addAll(b);
      return all.toArray(new Node[0]);
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        Object k = keys[i].eval(ctx);
        if (!(k instanceof String s)) {
          throw keys[i].error("map key must be a string, got " + Values.typeName(k));
        }
        out.put(s, values[i].eval(ctx));
      }
      return out;
    }
  }

  /** {@code let name = value; body}: the parser resolved every use of name to this slot. */
  static final class Let extends Node {
    private final int slot;
    private final Node value;
    private final Node body;

    Let(Token at, int slot, Node value, Node body) {
      super(at, value, body);
      this.slot = slot;
      this.value = value;
      this.body = body;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      ctx.lets[slot] = value.eval(ctx);
      return body.eval(ctx);
    }
  }

  static final class LetRef extends Node {
    private final int slot;

    LetRef(Token at, int slot) {
      super(at);
      this.slot = slot;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      return ctx.lets[slot];
    }
  }
}
