package io.quargo.workflow.engine;

import java.util.ArrayList;
import java.util.List;

/** Argo's {@code getOutboundNodes}: the nodes a following step or task hangs off. */
final class Outbound {
  private Outbound() {}

  static List<String> of(WorkflowRun run, Node node) {
    if (node == null) {
      return List.of();
    }
    switch (node.type) {
      case Skipped, Suspend, HTTP, Plugin, Pod, Container:
        return List.of(node.id);
      case TaskGroup:
        if (node.children.isEmpty()) {
          return List.of(node.id);
        }
        break;
      case Retry: {
        Node last = null;
        for (int i = 0; run.node(node.name + "(" + i + ")") != null; i++) {
          last = run.node(node.name + "(" + i + ")");
        }
        return last == null ? List.of(node.id) : List.of(last.id);
      }
      default:
        break;
    }
    List<String> out = new ArrayList<>();
    List<String> from = node.type == NodeType.TaskGroup ? node.children : node.outboundNodes;
    for (String id : from) {
      out.addAll(of(run, run.nodeById(id)));
    }
    return out;
  }
}
