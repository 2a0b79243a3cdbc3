package io.quargo.core.govaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Walks the tree with govaluate's runtime rules: type checks per operator, short-circuit, float64 maths. */
final class GovaluateEvaluator {
  private final String src;
  private final Map<String, ?> params;

  GovaluateEvaluator(String src, Map<String, ?> params) {
    this.src = src;
    this.params = params == null ? Map.of() : params;
  }

  Object eval(Node node) {
    if (node instanceof Node.Literal lit) {
      return lit.value();
    }
    if (node instanceof Node.Variable v) {
      if (!params.containsKey(v.name())) {
        throw new GovaluateException(src, v.offset(), "no parameter '" + v.name() + "' found");
      }
      return GoValues.normalize(params.get(v.name()));
    }
    if (node instanceof Node.Accessor a) {
      return access(a);
    }
    if (node instanceof Node.ListNode list) {
      List<Object> out = new ArrayList<>(list.items().size());
      for (Node item : list.items()) {
        out.add(eval(item));
      }
      return out;
    }
    if (node instanceof Node.Unary u) {
      return unary(u);
    }
    return binary((Node.Binary) node);
  }

  /** govaluate reads struct fields; the nearest thing a Java caller passes is a nested map. */
  private Object access(Node.Accessor a) {
    String base = a.parts().get(0);
    if (!params.containsKey(base)) {
      throw new GovaluateException(src, a.offset(), "no parameter '" + base + "' found");
    }
    Object current = GoValues.normalize(params.get(base));
    for (String field : a.parts().subList(1, a.parts().size())) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(field)) {
        throw new GovaluateException(src, a.offset(), "unable to access parameter field '" + field + "' of '"
            + String.join(".", a.parts()) + "'");
      }
      current = m.get(field);
    }
    return current;
  }

  private Object unary(Node.Unary u) {
    Object v = eval(u.operand());
    switch (u.op()) {
      case "!" -> {
        if (v instanceof Boolean b) {
          return !b;
        }
        throw typeError(u.offset(), v, "prefix '!'", "bool");
      }
      case "-" -> {
        return -number(v, u.offset(), "prefix '-'");
      }
      default -> {
        return (double) ~(long) number(v, u.offset(), "prefix '~'");
      }
    }
  }

  private Object binary(Node.Binary b) {
    Object left = eval(b.left());
    // Short-circuit exactly where govaluate does, before any type check on the left side.
    switch (b.op()) {
      case "&&" -> {
        if (Boolean.FALSE.equals(left)) {
          return false;
        }
      }
      case "||" -> {
        if (Boolean.TRUE.equals(left)) {
          return true;
        }
      }
      case "??", ":" -> {
        if (left != null) {
          return left;
        }
      }
      case "?" -> {
        if (Boolean.FALSE.equals(left)) {
          return null;
        }
      }
      default -> {
        // both sides are needed
      }
    }
    Object right = eval(b.right());
    return Operators.apply(this, b, left, right);
  }

  double number(Object v, int offset, String what) {
    if (v instanceof Double d) {
      return d;
    }
    throw typeError(offset, v, what, "number");
  }

  GovaluateException typeError(int offset, Object v, String what, String expected) {
    return new GovaluateException(src, offset, "value '" + GoValues.format(v) + "' (" + GoValues.typeName(v)
        + ") cannot be used with " + what + ", it is not a " + expected);
  }

  GovaluateException error(int offset, String reason) {
    return new GovaluateException(src, offset, reason);
  }

  /** Go compares float64 with ==: NaN never equals itself and -0 equals 0, unlike Double.equals. */
  static boolean goEquals(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }
}
