package io.quargo.core.template;

import io.quargo.core.sprig.GoPrint;
import io.quargo.core.sprig.GoValues;
import io.quargo.core.template.Node.BranchNode;
import io.quargo.core.template.Node.ListNode;
import io.quargo.core.template.Node.PipeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks a parsed tree over data, as Go's exec.go does. Java null is a nil interface value; {@link
 * #MISSING} is Go's invalid reflect.Value (a missing map key); both print as "&lt;no value&gt;".
 */
final class Executor {
  static final Object MISSING = new Object() {
    @Override public String toString() { return "<no value>"; }
  };

  final Template template;
  final StringBuilder out = new StringBuilder();
  final List<String> varNames = new ArrayList<>();
  final List<Object> varValues = new ArrayList<>();
  String executing;
  private long steps;
  private int depth;
  final Evaluator eval;

  Executor(Template template, String executing) {
    this.template = template;
    this.executing = executing;
    this.eval = new Evaluator(this);
  }

  /** Control flow out of a range body; carries no stack. */
  static final class LoopSignal extends RuntimeException {
    static final LoopSignal BREAK = new LoopSignal();
    static final LoopSignal CONTINUE = new LoopSignal();

    private LoopSignal() {
      super(null, null, false, false);
    }
  }

  TemplateException error(Node node, String reason) {
    String context = node.toString();
    if (context.length() > 20) context = context.substring(0, 20) + "...";
    return TemplateException.exec(template.name(), node.pos(), executing, context, reason);
  }

  void step(Node node) {
    if (++steps > template.options().maxSteps()) {
      throw error(node, "exceeded the step budget of " + template.options().maxSteps());
    }
  }

  void walk(Object dot, Node node) {
    step(node);
    if (node instanceof Node.TextNode t) {
      write(node, t.text());
    } else if (node instanceof ListNode l) {
      for (Node n : l.nodes()) walk(dot, n);
    } else if (node instanceof Node.ActionNode a) {
      Object v = eval.pipeline(dot, a.pipe());
      if (a.pipe().decl().isEmpty()) write(node, printable(node, v));
    } else if (node instanceof BranchNode b) {
      if (b.kind() == BranchNode.Kind.RANGE) walkRange(dot, b);
      else walkIfOrWith(dot, b);
    } else if (node instanceof Node.TemplateNode t) {
      walkTemplate(dot, t);
    } else if (node instanceof Node.BreakNode) {
      throw LoopSignal.BREAK;
    } else if (node instanceof Node.ContinueNode) {
      throw LoopSignal.CONTINUE;
    } else {
      throw error(node, "unknown node: " + node);
    }
  }

  private void write(Node node, String s) {
    if (out.length() + s.length() > template.options().maxOutput()) {
      throw error(node, "output exceeds " + template.options().maxOutput() + " characters");
    }
    out.append(s);
  }

  /** Go's printValue: invalid and nil print as "<no value>". */
  private String printable(Node node, Object v) {
    if (v == MISSING || v == null) return "<no value>";
    if (v instanceof String s) return s;
    try {
      return GoPrint.value(v);
    } catch (RuntimeException e) {
      throw error(node, "value too large to print");
    }
  }

  int mark() {
    return varNames.size();
  }

  void pop(int mark) {
    varNames.subList(mark, varNames.size()).clear();
    varValues.subList(mark, varValues.size()).clear();
  }

  void push(String name, Object value) {
    varNames.add(name);
    varValues.add(value);
  }

  private void walkIfOrWith(Object dot, BranchNode b) {
    int mark = mark();
    try {
      Object v = eval.pipeline(dot, b.pipe());
      if (GoValues.isTrue(v == MISSING ? null : v)) {
        walk(b.kind() == BranchNode.Kind.WITH ? v : dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
    } finally {
      pop(mark);
    }
  }

  private void walkRange(Object dot, BranchNode r) {
    int mark = mark();
    try {
      Object v = eval.pipeline(dot, r.pipe());
      pop(mark);
      List<Object[]> items = rangeItems(r, v);
      if (items.isEmpty()) {
        if (r.elseList() != null) walk(dot, r.elseList());
        return;
      }
      for (Object[] kv : items) {
        if (!rangeBody(r, kv[0], kv[1])) break;
      }
    } finally {
      pop(mark);
    }
  }

  /** One iteration; false after a break. */
  private boolean rangeBody(BranchNode r, Object key, Object elem) {
    int mark = mark();
    List<String> decl = r.pipe().decl();
    if (decl.size() == 1) push(decl.get(0), elem);
    if (decl.size() == 2) {
      push(decl.get(0), key);
      push(decl.get(1), elem);
    }
    try {
      walk(elem, r.list());
      return true;
    } catch (LoopSignal s) {
      return s == LoopSignal.CONTINUE;
    } finally {
      pop(mark);
    }
  }

  private List<Object[]> rangeItems(BranchNode r, Object v) {
    List<Object[]> items = new ArrayList<>();
    if (v == null || v == MISSING) return items;
    if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) items.add(new Object[] {(long) i, l.get(i)});
    } else if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) items.add(new Object[] {e.getKey(), e.getValue()});
    } else if (v instanceof Long n) {
      if (r.pipe().decl().size() > 1) {
        throw error(r, "can't use " + n + " to iterate over more than one variable");
      }
      for (long i = 0; i < n; i++) {
        step(r);
        items.add(new Object[] {i, i});
      }
    } else {
      throw error(r, "range can't iterate over " + GoPrint.value(v));
    }
    return items;
  }

  private void walkTemplate(Object dot, Node.TemplateNode t) {
    ListNode tree = template.tree(t.name());
    if (tree == null) {
      throw error(t, "template " + GoPrint.quote(t.name()) + " not defined");
    }
    if (++depth > template.options().maxDepth()) {
      throw error(t, "exceeded maximum template depth (" + template.options().maxDepth() + ")");
    }
    Object newDot = t.pipe() == null ? null : eval.pipeline(dot, t.pipe());
    if (newDot == MISSING) newDot = null;
    String outer = executing;
    List<String> savedNames = new ArrayList<>(varNames);
    List<Object> savedValues = new ArrayList<>(varValues);
    varNames.clear();
    varValues.clear();
    push("$", newDot);
    executing = t.name();
    try {
      walk(newDot, tree);
    } finally {
      executing = outer;
      varNames.clear();
      varValues.clear();
      varNames.addAll(savedNames);
      varValues.addAll(savedValues);
      depth--;
    }
  }
}
