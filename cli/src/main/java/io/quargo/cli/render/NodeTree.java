package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * status.nodes arranged as argo get draws them. A StepGroup, TaskGroup or Retry node owns the nodes in
 * its {@code children}; any other node belongs to its boundary (the Steps or DAG node named by its
 * boundaryID). Steps' "children" links to the next step group and DAG task-to-task links are edges of
 * the graph, not of the tree, so they are not followed. Nodes with no owner are roots (the workflow's
 * root node, then exit handlers).
 */
final class NodeTree {
  private static final Set<String> GROUPS = Set.of("StepGroup", "TaskGroup", "Retry");

  private final Map<String, JsonNode> nodes = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();
  private final List<String> roots = new ArrayList<>();

  NodeTree(JsonNode statusNodes, String workflowName) {
    statusNodes.fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
    Map<String, String> owner = new HashMap<>();
    nodes.forEach((id, n) -> {
      if (GROUPS.contains(n.path("type").asText())) {
        n.path("children").forEach(c -> owner.put(c.asText(), id));
      }
    });
    nodes.forEach((id, n) -> {
      String parent = owner.get(id);
      String boundary = n.path("boundaryID").asText("");
      if (parent == null && !boundary.isEmpty() && nodes.containsKey(boundary) && !boundary.equals(id)) {
        parent = boundary;
      }
      if (parent == null || !nodes.containsKey(parent)) {
        roots.add(id);
      } else {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
      }
    });
    children.values().forEach(list -> list.sort(order()));
    roots.sort(Comparator.comparing((String id) -> !isRoot(id, workflowName)).thenComparing(order()));
  }

  private boolean isRoot(String id, String workflowName) {
    return id.equals(workflowName) || nodes.get(id).path("name").asText().equals(workflowName);
  }

  /** Siblings in the order they ran: start time, then the index in their name ("[1]", "(2:..)"), then name. */
  private Comparator<String> order() {
    return Comparator.comparing((String id) -> started(id), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(id -> nodes.get(id).path("name").asText(), NodeTree::compareNames);
  }

  private Instant started(String id) {
    return Durations.time(nodes.get(id).get("startedAt"));
  }

  /** Orders "x[2]" before "x[10]" and "x(2:a)" before "x(10:b)". */
  static int compareNames(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int start = i;
    while (start > 0 && Character.isDigit(a.charAt(start - 1))) {
      start--;
    }
    String na = digits(a, start);
    String nb = digits(b, start);
    if (!na.isEmpty() && !nb.isEmpty() && na.length() != nb.length()) {
      return Integer.compare(na.length(), nb.length());
    }
    return a.compareTo(b);
  }

  private static String digits(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return s.substring(from, end);
  }

  List<String> roots() {
    return roots;
  }

  List<String> children(String id) {
    return children.getOrDefault(id, List.of());
  }

  JsonNode node(String id) {
    return nodes.get(id);
  }

  /** argo hides step groups and single-attempt retry nodes, drawing their children in their place. */
  boolean hidden(String id) {
    JsonNode n = nodes.get(id);
    String type = n.path("type").asText();
    return "StepGroup".equals(type) || ("Retry".equals(type) && children(id).size() == 1);
  }

  /** Step groups' children are drawn with the group connectors (┬─ ├─ └─ ──). */
  boolean groupsChildren(String id) {
    return "StepGroup".equals(nodes.get(id).path("type").asText());
  }
}
