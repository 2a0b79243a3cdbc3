package io.quargo.core.expr;

import java.util.List;
import java.util.Map;

/** Names, {@code #} pointers, member/index access, slices and optional chains. */
final class AccessNodes {
  /** Produced by {@code ?.} on nil; the enclosing {@link Chain} turns it into nil. */
  static final Object SHORT = new Object() {
    @Override
    public String toString() {
      return "<short-circuit>";
    }
  };

  private AccessNodes() {}

  static final class Ident extends Node {
    final String name;
    private final boolean lenient;

    Ident(Token at, String name, boolean lenient) {
      super(at);
      this.name = name;
      this.lenient = lenient;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object v = ctx.env.get(name);
      if (v == null && !lenient && !ctx.options.allowUndefined() && !ctx.env.containsKey(name)) {
        throw error("unknown name " + name);
      }
      return Values.of(v);
    }

    @Override
    Node nilSafe() {
      return new Ident(new Token(Token.Kind.IDENT, name, null, line, col), name, true);
    }
  }

  /** {@code $env}: the whole environment as a map. */
  static final class EnvRef extends Node {
    EnvRef(Token at) {
      super(at);
    }

    @Override
    Object evaluate(EvalContext ctx) {
      return ctx.env;
    }
  }

  /** {@code #}, {@code #index}, {@code #acc} inside a predicate. */
  static final class Pointer extends Node {
    private final String name;

    Pointer(Token at, String name) {
      super(at);
      this.name = name;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      EvalContext.Frame f = ctx.top();
      switch (name) {
        case "":
          return f.item;
        case "index":
          return f.index;
        case "acc":
          return f.acc;
        default:
          throw error("unknown pointer #" + name);
      }
    }
  }

  static final class Member extends Node {
    final Node object;
    final String name;
    private final boolean optional;

    Member(Token at, Node object, String name, boolean optional) {
      super(at, object);
      this.object = object;
      this.name = name;
      this.optional = optional;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object o = object.eval(ctx);
      if (o == SHORT || (o == null && optional)) {
        return SHORT;
      }
      return fetch(o, name);
    }

    @Override
    Node nilSafe() {
      return new Member(at(this), object.nilSafe(), name, true);
    }
  }

  static final class Index extends Node {
    final Node object;
    final Node index;
    private final boolean optional;

    Index(Token at, Node object, Node index, boolean optional) {
      super(at, object, index);
      this.object = object;
      this.index = index;
      this.optional = optional;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object o = object.eval(ctx);
      if (o == SHORT || (o == null && optional)) {
        return SHORT;
      }
      return fetch(o, index.eval(ctx));
    }

    @Override
    Node nilSafe() {
      return new Index(at(this), object.nilSafe(), index, true);
    }
  }

  static final class Slice extends Node {
    final Node object;
    private final Node from;
    private final Node to;

    Slice(Token at, Node object, Node from, Node to) {
      super(at, object, from, to);
      this.object = object;
      this.from = from;
      this.to = to;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object o = object.eval(ctx);
      if (o == SHORT) {
        return SHORT;
      }
      Object a = from == null ? null : from.eval(ctx);
      Object b = to == null ? null : to.eval(ctx);
      Object out = Slicing.slice(o, a, b);
      ctx.charge(out instanceof List<?> l ? l.size() : ((String) out).length() / 16);
      return out;
    }
  }

  /** The receiver of {@code x?.method()}: nil short-circuits the chain instead of failing the call. */
  static final class NilGuard extends Node {
    final Node inner;

    NilGuard(Node inner) {
      super(inner.line, inner.col, inner);
      this.inner = inner;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object v = inner.eval(ctx);
      return v == null ? SHORT : v;
    }
  }

  /** Wraps a postfix chain containing {@code ?.}: a short-circuit anywhere yields nil. */
  static final class Chain extends Node {
    final Node inner;

    Chain(Node inner) {
      super(inner.line, inner.col, inner);
      this.inner = inner;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object v = inner.eval(ctx);
      return v == SHORT ? null : v;
    }

    @Override
    Node nilSafe() {
      return new Chain(inner.nilSafe());
    }
  }

  static Token at(Node n) {
    return new Token(Token.Kind.OPERATOR, "", null, n.line, n.col);
  }

  /** expr's fetch: map keys (absent → nil), list/string positions (negative from the end). */
  static Object fetch(Object o, Object key) {
    if (o instanceof Map<?, ?> m) {
      if (key instanceof String s) {
        return Values.get(m, s);
      }
      throw new EvalFailure("cannot fetch " + Values.typeName(key) + " key from map");
    }
    if (o instanceof List<?> list) {
      if (key instanceof String s) {
        throw new EvalFailure("cannot fetch " + s + " from array");
      }
      return Values.at(list, Slicing.position(key, list.size()));
    }
    if (o instanceof String s) {
      if (key instanceof String k) {
        throw new EvalFailure("cannot fetch " + k + " from string");
      }
      int[] cps = s.codePoints().toArray();
      return new String(cps, Slicing.position(key, cps.length), 1);
    }
    if (o == null) {
      throw new EvalFailure("cannot fetch " + GoFormat.format(key) + " from nil");
    }
    throw new EvalFailure("cannot fetch " + GoFormat.format(key) + " from " + Values.typeName(o));
  }
}
