package io.quargo.core.template;

import io.quargo.core.sprig.GoValues;
import io.quargo.core.sprig.SprigException;
import io.quargo.core.template.Node.CommandNode;
import io.quargo.core.template.Node.PipeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pipelines, commands, field chains and calls: the expression half of Go's exec.go. */
final class Evaluator {
  /** No value flows in from a previous pipeline stage. */
  private static final Object NO_FINAL = new Object();

  private final Executor ex;

  Evaluator(Executor ex) {
    this.ex = ex;
  }

  Object pipeline(Object dot, PipeNode pipe) {
    ex.step(pipe);
    Object value = NO_FINAL;
    for (CommandNode cmd : pipe.commands()) {
      value = command(dot, cmd, value);
      // Go re-wraps interface values: a nil interface becomes an invalid value.
      if (value == null) value = Executor.MISSING;
    }
    for (String name : pipe.decl()) {
      if (pipe.assign()) setVar(pipe, name, value);
      else ex.push(name, value);
    }
    return value;
  }

  private void setVar(Node node, String name, Object value) {
    for (int i = ex.varNames.size() - 1; i >= 0; i--) {
      if (ex.varNames.get(i).equals(name)) {
        ex.varValues.set(i, value);
        return;
      }
    }
    throw ex.error(node, "undefined variable: " + name);
  }

  private Object varValue(Node node, String name) {
    for (int i = ex.varNames.size() - 1; i >= 0; i--) {
      if (ex.varNames.get(i).equals(name)) return ex.varValues.get(i);
    }
    throw ex.error(node, "undefined variable: " + name);
  }

  private Object command(Object dot, CommandNode cmd, Object fin) {
    ex.step(cmd);
    Node first = cmd.args().get(0);
    if (first instanceof Node.FieldNode f) return fieldChain(dot, f, f.idents(), cmd.args(), fin);
    if (first instanceof Node.ChainNode c) {
      if (c.node() instanceof Node.NilNode) throw ex.error(c, "indirection through explicit nil in " + c);
      Object receiver = arg(dot, c.node());
      return fieldChain(receiver == null ? Executor.MISSING : receiver, c, c.fields(), cmd.args(), fin);
    }
    if (first instanceof Node.IdentifierNode id) return function(dot, id, cmd.args(), fin);
    if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return pipeline(dot, p);
    }
    if (first instanceof Node.VariableNode v) {
      Object value = varValue(v, v.idents().get(0));
      if (v.idents().size() == 1) {
        notAFunction(cmd.args(), fin);
        return value;
      }
      return fieldChain(value, v, v.idents().subList(1, v.idents().size()), cmd.args(), fin);
    }
    notAFunction(cmd.args(), fin);
    if (first instanceof Node.NilNode) throw ex.error(first, "nil is not a command");
    return constant(dot, first);
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != NO_FINAL) {
      throw ex.error(args.get(0), "can't give argument to non-function " + args.get(0));
    }
  }

  private Object constant(Object dot, Node n) {
    if (n instanceof Node.BoolNode b) return b.value();
    if (n instanceof Node.DotNode) return dot;
    if (n instanceof Node.NumberNode num) return num.value();
    if (n instanceof Node.StringNode s) return s.value();
    throw ex.error(n, "can't evaluate command " + n);
  }

  /** Field lookups along a chain; the receiver for a FieldNode is dot itself. */
  private Object fieldChain(Object receiver, Node node, List<String> idents, List<Node> args, Object fin) {
    Object cur = receiver;
    for (int i = 0; i < idents.size(); i++) {
      boolean last = i == idents.size() - 1;
      cur = field(node, idents.get(i), cur, last && (args.size() > 1 || fin != NO_FINAL));
    }
    return cur;
  }

  private Object field(Node node, String name, Object receiver, boolean hasArgs) {
    if (receiver == Executor.MISSING) return Executor.MISSING;
    if (receiver == null) throw ex.error(node, "nil pointer evaluating interface {}." + name);
    if (receiver instanceof Map<?, ?> m) {
      if (hasArgs) throw ex.error(node, name + " is not a method but has arguments");
      if (!m.containsKey(name)) return Executor.MISSING;
      return m.get(name);
    }
    throw ex.error(node, "can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
  }

  private Object function(Object dot, Node.IdentifierNode id, List<Node> args, Object fin) {
    String name = id.name();
    List<Node> argNodes = args.subList(1, args.size());
    if (!ex.template.options().sprig().has(name) && (name.equals("and") || name.equals("or"))) {
      return andOr(dot, id, argNodes, fin, name.equals("and"));
    }
    List<Object> values = new ArrayList<>(argNodes.size() + 1);
    for (Node n : argNodes) {
      if (n instanceof Node.NilNode && !ex.template.options().sprig().has(name) && Builtins.takesValues(name)) {
        throw ex.error(n, "cannot assign nil to reflect.Value");
      }
      values.add(arg(dot, n));
    }
    if (fin != NO_FINAL) values.add(fin == Executor.MISSING ? null : fin);
    try {
      if (ex.template.options().sprig().has(name)) {
        return ex.template.options().sprig().call(name, values.toArray());
      }
      return Builtins.call(name, values);
    } catch (SprigException e) {
      throw ex.error(id, e.getMessage());
    } catch (Builtins.BuiltinError e) {
      throw ex.error(id, e.getMessage());
    }
  }

  /** Go 1.18 and/or: evaluate left to right, stop at the first deciding value and return it. */
  private Object andOr(Object dot, Node.IdentifierNode id, List<Node> argNodes, Object fin, boolean and) {
    int total = argNodes.size() + (fin != NO_FINAL ? 1 : 0);
    if (total < 1) throw ex.error(id, "wrong number of args for " + id.name() + ": want at least 1 got 0");
    Object v = null;
    for (int i = 0; i < total; i++) {
      if (i < argNodes.size()) {
        Node n = argNodes.get(i);
        if (n instanceof Node.NilNode) throw ex.error(n, "cannot assign nil to reflect.Value");
        v = arg(dot, n);
      } else {
        v = fin == Executor.MISSING ? null : fin;
      }
      if (GoValues.isTrue(v) != and) return v;
    }
    return v;
  }

  /** An argument's value; a missing value becomes nil as Go's validateType does for interface{}. */
  private Object arg(Object dot, Node n) {
    ex.step(n);
    Object v;
    if (n instanceof Node.FieldNode f) v = fieldChain(dot, f, f.idents(), List.of(n), NO_FINAL);
    else if (n instanceof Node.VariableNode var) {
      Object value = varValue(var, var.idents().get(0));
      v = var.idents().size() == 1 ? value
          : fieldChain(value, var, var.idents().subList(1, var.idents().size()), List.of(n), NO_FINAL);
    } else if (n instanceof PipeNode p) v = pipeline(dot, p);
    else if (n instanceof Node.IdentifierNode id) v = function(dot, id, List.of(n), NO_FINAL);
    else if (n instanceof Node.ChainNode c) v = command(dot, new CommandNode(c.pos(), List.of(c)), NO_FINAL);
    else if (n instanceof Node.NilNode) v = null;
    else v = constant(dot, n);
    return v == Executor.MISSING ? null : v;
  }
}
