package io.quargo.core.expr;

import io.quargo.core.text.MeteredChars;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Unary, binary, logical, nil-coalescing and conditional operators. */
final class OperatorNodes {
  /** Largest list a range may build (the step budget usually stops it earlier). */
  static final long MAX_RANGE = 10_000_000;

  private OperatorNodes() {}

  static final class Not extends Node {
    private final Node operand;

    Not(Token at, Node operand) {
      super(at, operand);
      this.operand = operand;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      return !bool(operand.eval(ctx), "!");
    }
  }

  static final class Negate extends Node {
    private final Node operand;
    private final boolean minus;

    Negate(Token at, Node operand, boolean minus) {
      super(at, operand);
      this.operand = operand;
      this.minus = minus;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object v = operand.eval(ctx);
      if (minus) {
        return Operators.negate(v);
      }
      if (!Values.isNumber(v)) {
        throw new EvalFailure("invalid operation: + (mismatched type " + Values.typeName(v) + ")");
      }
      return v;
    }
  }

  static final class Logical extends Node {
    private final boolean and;
    private final Node left;
    private final Node right;

    Logical(Token at, boolean and, Node left, Node right) {
      super(at, left, right);
      this.and = and;
      this.left = left;
      this.right = right;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      String op = and ? "&&" : "||";
      boolean l = bool(left.eval(ctx), op);
      if (l != and) {
        return l;
      }
      return bool(right.eval(ctx), op);
    }
  }

  static final class Coalesce extends Node {
    private final Node left;
    private final Node right;

    Coalesce(Token at, Node left, Node right) {
      super(at, left, right);
      this.left = left;
      this.right = right;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object l = left.eval(ctx);
      return l != null ? l : right.eval(ctx);
    }
  }

  static final class Conditional extends Node {
    private final Node cond;
    private final Node then;
    private final Node otherwise;

    Conditional(Token at, Node cond, Node then, Node otherwise) {
      super(at, cond, then, otherwise);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      return bool(cond.eval(ctx), "?:") ? then.eval(ctx) : otherwise.eval(ctx);
    }
  }

  static final class Binary extends Node {
    private final BinaryOp op;
    private final boolean negated;
    private final Node left;
    private final Node right;
    /** Compiled once when the pattern of {@code matches} is a literal. */
    private final Pattern constantPattern;
    /** The last dynamic pattern, reused while the pattern text repeats (immutable, so racy reads are fine). */
    private volatile Pattern lastPattern;

    Binary(Token at, BinaryOp op, boolean negated, Node left, Node right) {
      super(at, left, right);
      this.op = op;
      this.negated = negated;
      this.left = left;
      this.right = right;
      this.constantPattern = op == BinaryOp.MATCHES && right instanceof LiteralNodes.Const c
          && c.value instanceof String s ? compile(s, right) : null;
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object a = left.eval(ctx);
      Object b = right.eval(ctx);
      Object r = apply(ctx, a, b);
      return negated ? !(Boolean) r : r;
    }

    private Object apply(EvalContext ctx, Object a, Object b) {
      switch (op) {
        case ADD: return charged(ctx, Operators.add(a, b));
        case SUB: return Operators.subtract(a, b);
        case MUL: return Operators.multiply(a, b);
        case DIV: return Operators.divide(a, b);
        case MOD: return Operators.modulo(a, b);
        case POW: return Operators.power(a, b);
        case EQ: return Values.equal(a, b, ctx);
        case NE: return !Values.equal(a, b, ctx);
        case LT: return Operators.compare("<", a, b) < 0 && comparable(a, b);
        case GT: return Operators.compare(">", a, b) > 0;
        case LE: return Operators.compare("<=", a, b) <= 0 && comparable(a, b);
        case GE: return Operators.compare(">=", a, b) >= 0;
        case IN: return Operators.in(a, charged(ctx, b), ctx);
        case CONTAINS: return stringTest(ctx, a, b, 0);
        case STARTS_WITH: return stringTest(ctx, a, b, 1);
        case ENDS_WITH: return stringTest(ctx, a, b, 2);
        case MATCHES: return matches(ctx, a, b);
        case RANGE: return range(ctx, a, b);
        default: throw new EvalFailure("unsupported operator " + op.symbol);
      }
    }

    /** Work proportional to a string's length or a list's size (scans, copies) costs steps. */
    private static Object charged(EvalContext ctx, Object v) {
      if (v instanceof String s) {
        ctx.charge(s.length() / 16);
      } else if (v instanceof List<?> l) {
        ctx.charge(l.size() / 4);
      }
      return v;
    }

    /** NaN compares as "incomparable" (MIN_VALUE) which must not satisfy {@code <} or {@code <=}. */
    private static boolean comparable(Object a, Object b) {
      return !(a instanceof Double x && x.isNaN()) && !(b instanceof Double y && y.isNaN());
    }

    private Object stringTest(EvalContext ctx, Object a, Object b, int kind) {
      String[] s = Operators.strings(op.symbol, a, b);
      ctx.charge(s[0].length() / 16);
      return kind == 0 ? TextSearch.contains(s[0], s[1]) : kind == 1 ? s[0].startsWith(s[1]) : s[0].endsWith(s[1]);
    }

    private Object matches(EvalContext ctx, Object a, Object b) {
      String[] s = Operators.strings("matches", a, b);
      Pattern p = constantPattern;
      if (p == null) {
        Pattern last = lastPattern;
        p = last != null && last.pattern().equals(s[1]) ? last : compile(s[1], this);
        lastPattern = p;
      }
      return p.matcher(new MeteredChars(s[0], ctx.regexMeter())).find();
    }

    private static Object range(EvalContext ctx, Object a, Object b) {
      if (!(a instanceof Long from) || !(b instanceof Long to)) {
        throw Operators.mismatch("..", a, b);
      }
      if (to < from) {
        return new ArrayList<>();
      }
      // Counted by offset, not by value: to may be Long.MAX_VALUE, and to - from may overflow.
      long span = to - from;
      if (span < 0 || span >= MAX_RANGE) {
        throw new EvalFailure("range too large: " + from + ".." + to);
      }
      ctx.charge(span + 1);
      List<Object> out = new ArrayList<>((int) span + 1);
      for (long k = 0; k <= span; k++) {
        out.add(from + k);
      }
      return out;
    }
  }

  static Pattern compile(String regex, Node at) {
    try {
      // RE2 (Go) spells named groups (?P<name>...); Java wants (?<name>...).
      return Pattern.compile(regex.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException | StackOverflowError e) {
      throw at.error("invalid regular expression: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "too complex";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static boolean bool(Object v, String op) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new EvalFailure("invalid operation: " + op + " on " + Values.typeName(v) + " (expected bool)");
  }
}
