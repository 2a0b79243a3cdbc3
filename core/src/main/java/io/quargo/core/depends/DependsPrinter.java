package io.quargo.core.depends;

import java.util.List;
import java.util.stream.Collectors;

/** Prints a tree back as Argo's expanded expression, and finds where a task is first mentioned. */
final class DependsPrinter {
  private DependsPrinter() {}

  static String print(DependsNode node) {
    if (node instanceof DependsNode.Ref r) {
      return r.task() + "." + r.result().argoName();
    }
    if (node instanceof DependsNode.Bare b) {
      StringBuilder sb = new StringBuilder("(").append(b.task()).append(".Succeeded || ").append(b.task())
          .append(".Skipped || ").append(b.task()).append(".Daemoned");
      if (b.continueOn().error()) {
        sb.append(" || ").append(b.task()).append(".Errored");
      }
      if (b.continueOn().failed()) {
        sb.append(" || ").append(b.task()).append(".Failed");
      }
      return sb.append(')').toString();
    }
    if (node instanceof DependsNode.Not n) {
      return "!" + group(n.operand());
    }
    if (node instanceof DependsNode.And a) {
      return join(a.operands(), " && ");
    }
    return join(((DependsNode.Or) node).operands(), " || ");
  }

  private static String join(List<DependsNode> parts, String op) {
    return parts.stream().map(DependsPrinter::group).collect(Collectors.joining(op));
  }

  private static String group(DependsNode n) {
    return n instanceof DependsNode.And || n instanceof DependsNode.Or ? "(" + print(n) + ")" : print(n);
  }

  static int offsetOf(DependsNode node, String task) {
    if (node instanceof DependsNode.Ref r) {
      return r.task().equals(task) ? r.offset() : -1;
    }
    if (node instanceof DependsNode.Bare b) {
      return b.task().equals(task) ? b.offset() : -1;
    }
    List<DependsNode> children = node instanceof DependsNode.Not n ? List.of(n.operand())
        : node instanceof DependsNode.And a ? a.operands() : ((DependsNode.Or) node).operands();
    for (DependsNode c : children) {
      int at = offsetOf(c, task);
      if (at >= 0) {
        return at;
      }
    }
    return -1;
  }
}
