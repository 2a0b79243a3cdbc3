package io.quargo.core.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Calls: builtins, host functions (registry or environment), and methods on times and durations. */
final class CallNodes {
  private CallNodes() {}

  static Object[] evalArgs(EvalContext ctx, Node[] args) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = args[i].eval(ctx);
    }
    return out;
  }

  static final class BuiltinCall extends Node {
    private final Builtin fn;
    private final Node[] args;

    BuiltinCall(Token at, Builtin fn, List<Node> args) {
      super(at, args.toArray(new Node[0]));
      this.fn = fn;
      this.args = args.toArray(new Node[0]);
    }

    @Override
    Object evaluate(EvalContext ctx) {
      Object[] values = evalArgs(ctx, args);
      for (Object v : values) {
        // String builtins scan their inputs; a big string reused in a loop must cost in proportion.
        if (v instanceof String s) {
          ctx.charge(s.length() / 16);
        }
      }
      return fn.impl().apply(ctx, values);
    }
  }

  /** A function resolved from the registry when the program was compiled (e.g. {@code sprig.upper}). */
  static final class RegistryCall extends Node {
    private final String name;
    private final ExprFunction fn;
    private final Node[] args;

    RegistryCall(Token at, String name, ExprFunction fn, List<Node> args) {
      super(at, args.toArray(new Node[0]));
      this.name = name;
      this.fn = fn;
      this.args = args.toArray(new Node[0]);
    }

    @Override
    Object evaluate(EvalContext ctx) {
      return invoke(name, fn, evalArgs(ctx, args));
    }
  }

  /**
   * {@code f(x)} or {@code obj.f(x)} not known at compile time: a function value in the environment,
   * a registry function, or a method of a time or duration.
   */
  static final class DynamicCall extends Node {
    private final String name;
    private final Node receiver;
    private final Node[] args;

    DynamicCall(Token at, String name, Node receiver, List<Node> args) {
      super(at, withReceiver(receiver, args));
      this.name = name;
      this.receiver = receiver;
      this.args = args.toArray(new Node[0]);
    }

    private static Node[] withReceiver(Node receiver, List<Node> args) {
      List<Node> all = new ArrayList<>(args);
      all.add(receiver);
      return all.toArray(new Node[0]);
    }

    @Override
    Object evaluate(EvalContext ctx) {
      if (receiver == null) {
        Object f = ctx.env.get(name);
        if (f instanceof ExprFunction fn) {
          return invoke(name, fn, evalArgs(ctx, args));
        }
        throw error("unknown func " + name);
      }
      Object target = receiver.eval(ctx);
      if (target == AccessNodes.SHORT) {
        return target;
      }
      Object[] values = evalArgs(ctx, args);
      if (target instanceof Map<?, ?> m && Values.get(m, name) instanceof ExprFunction fn) {
        return invoke(name, fn, values);
      }
      return TimeFunctions.method(target, name, values);
    }
  }

  static Object invoke(String name, ExprFunction fn, Object[] args) {
    try {
      return Values.of(fn.call(Collections.unmodifiableList(Arrays.asList(args))));
    } catch (ExprException | EvalFailure e) {
      throw e;
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new EvalFailure(name + ": " + why);
    }
  }
}
