package io.quargo.workflow.run;

import io.quargo.workflow.engine.Node;
import io.quargo.workflow.engine.NodePhase;
import io.quargo.workflow.engine.NodeType;
import io.quargo.workflow.engine.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node tree as {@code argo get} and {@code argo watch} print it: one line per node with a phase symbol,
 * display name, template, pod name, duration and message; step groups are not printed, their steps are.
 */
public final class NodeTree {
  private NodeTree() {}

  public static String symbol(NodePhase phase) {
    return switch (phase) {
      case Succeeded -> "✔";
      case Failed -> "✖";
      case Error -> "⚠";
      case Running -> "●";
      case Pending -> "◷";
      case Skipped, Omitted -> "○";
    };
  }

  /** The STEP / TEMPLATE / PODNAME / DURATION / MESSAGE table. */
  public static String render(WorkflowRun run, Instant now) {
    Map<String, List<Node>> children = displayChildren(run);
    List<String[]> rows = new ArrayList<>();
    Node root = run.nodeById(run.name);
    if (root != null) {
      walk(run, root, "", children, rows, now);
    }
    Node exit = run.node(run.name + ".onExit");
    if (exit != null) {
      walk(run, exit, "", children, rows, now);
    }
    int[] width = {4, 8, 7, 8};
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(pad("STEP", width[0])).append("  ").append(pad("TEMPLATE", width[1])).append("  ")
        .append(pad("PODNAME", width[2])).append("  ").append(pad("DURATION", width[3])).append("  MESSAGE\n");
    for (String[] r : rows) {
      out.append(pad(r[0], width[0])).append("  ").append(pad(r[1], width[1])).append("  ")
          .append(pad(r[2], width[2])).append("  ").append(pad(r[3], width[3])).append("  ").append(r[4])
          .append('\n');
    }
    return out.toString();
  }

  private static void walk(WorkflowRun run, Node node, String indent, Map<String, List<Node>> children,
      List<String[]> rows, Instant now) {
    List<Node> kids = children.getOrDefault(node.id, List.of());
    if (node.type == NodeType.StepGroup) {
      for (Node k : kids) {
        walk(run, k, indent, children, rows, now);
      }
      return;
    }
    rows.add(new String[] {indent + " " + symbol(node.phase) + " " + node.displayName,
        node.templateName == null ? "" : node.templateName, node.podName == null ? "" : node.podName,
        duration(node, now), node.message == null ? "" : node.message});
    for (Node k : kids) {
      walk(run, k, indent + "  ", children, rows, now);
    }
  }

  /** Who prints under whom: the node that contains a child (its boundary, group, retry or hook owner). */
  private static Map<String, List<Node>> displayChildren(WorkflowRun run) {
    Map<String, String> parent = new LinkedHashMap<>();
    for (Node p : run.nodes()) {
      for (String id : p.children) {
        Node c = run.nodeById(id);
        if (c == null || parent.containsKey(id)) {
          continue;
        }
        boolean contains = p.id.equals(c.boundaryId) || p.type == NodeType.StepGroup
            || p.type == NodeType.TaskGroup || p.type == NodeType.Retry || c.name.startsWith(p.name + ".onExit")
            || c.name.startsWith(p.name + ".hooks.");
        if (contains) {
          parent.put(id, p.id);
        }
      }
    }
    Map<String, List<Node>> children = new LinkedHashMap<>();
    for (Node n : run.nodes()) {
      String p = parent.getOrDefault(n.id, n.boundaryId);
      if (p != null && !n.id.equals(run.name)) {
        children.computeIfAbsent(p, k -> new ArrayList<>()).add(n);
      }
    }
    return children;
  }

  static String duration(Node node, Instant now) {
    if (node.startedAt == null || node.type != NodeType.Pod && node.type != NodeType.Suspend) {
      return "";
    }
    Instant end = node.finishedAt != null ? node.finishedAt : now;
    return human(Duration.between(node.startedAt, end));
  }

  /** Argo's short durations: {@code 3s}, {@code 1m 5s}, {@code 2h 1m}. */
  public static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m " + (s % 60) + "s";
    }
    return (s / 3600) + "h " + (s % 3600 / 60) + "m";
  }

  private static String pad(String s, int width) {
    int len = s.codePointCount(0, s.length());
    return len >= width ? s : s + " ".repeat(width - len);
  }
}
