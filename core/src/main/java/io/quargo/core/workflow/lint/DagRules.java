package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.depends.DependsException;
import io.quargo.core.depends.DependsExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One DAG: {@code dependencies}/{@code depends} parse, name existing tasks, and form no cycle. */
final class DagRules {
  private final JsonNode dag;
  private final JsonNode tasks;
  private final String dagPath;
  private final LintContext ctx;

  DagRules(JsonNode dag, String dagPath, LintContext ctx) {
    this.dag = dag;
    this.tasks = dag.path("tasks");
    this.dagPath = dagPath;
    this.ctx = ctx;
  }

  void check() {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      index.putIfAbsent(tasks.get(i).path("name").asText(""), i);
    }
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      edges.putIfAbsent(tasks.get(i).path("name").asText(""), dependencies(tasks.get(i), taskPath(i), index));
    }
    checkTarget(index);
    List<String> cycle = new CycleFinder(edges).find();
    if (!cycle.isEmpty()) {
      int at = index.getOrDefault(cycle.get(0), 0);
      ctx.error(taskPath(at), "dependency cycle: " + String.join(" -> ", cycle)
          + ": remove one of these dependencies so the DAG can start");
    }
  }

  private String taskPath(int i) {
    return dagPath + ".tasks[" + i + "]";
  }

  /** The tasks this one waits for; unknown names and bad syntax are reported and left out. */
  private Set<String> dependencies(JsonNode task, String path, Map<String, Integer> index) {
    Set<String> out = new LinkedHashSet<>();
    boolean hasDeps = task.has("dependencies");
    if (hasDeps && task.has("depends")) {
      ctx.error(path, "task uses both 'dependencies' and 'depends': keep only 'depends'");
    }
    JsonNode deps = task.path("dependencies");
    for (int i = 0; i < deps.size(); i++) {
      known(deps.get(i).asText(), path + ".dependencies[" + i + "]", index, out);
    }
    String raw = task.path("depends").asText("");
    String depends = raw.strip();
    if (!depends.isEmpty()) {
      try {
        DependsExpression e = DependsExpression.parse(depends);
        e.references().forEach(r -> known(r, path + ".depends", index, out));
      } catch (DependsException e) {
        int lead = raw.indexOf(depends);
        ctx.errorAt(path + ".depends", raw, lead + e.column() - 1, "invalid depends '" + depends + "': " + e.getMessage()
            + " (write e.g. \"A && (B.Succeeded || C.Failed)\")");
      }
    }
    return out;
  }

  private void known(String name, String path, Map<String, Integer> index, Set<String> out) {
    if (index.containsKey(name)) {
      out.add(name);
    } else {
      ctx.error(path, "task '" + name + "' not found in this DAG: fix the name or add the task");
    }
  }

  private void checkTarget(Map<String, Integer> index) {
    String target = dag.path("target").asText("");
    if (target.contains("{{")) {
      return; // chosen at submit time, e.g. {{workflow.parameters.target}}
    }
    for (String name : target.split(" ")) {
      if (!name.isEmpty() && !index.containsKey(name)) {
        ctx.error(dagPath + ".target", "target task '" + name + "' not found in this DAG: fix the name");
      }
    }
  }

  /** Depth-first search for a back edge; returns the cycle as names, first repeated at the end. */
  private static final class CycleFinder {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> state = new HashMap<>();
    private final List<String> stack = new ArrayList<>();

    CycleFinder(Map<String, Set<String>> edges) {
      this.edges = edges;
    }

    List<String> find() {
      for (String n : edges.keySet()) {
        List<String> c = visit(n);
        if (!c.isEmpty()) {
          return c;
        }
      }
      return List.of();
    }

    private List<String> visit(String n) {
      Integer s = state.get(n);
      if (s != null) {
        if (s == 1) {
          List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(n), stack.size()));
          cycle.add(n);
          return cycle;
        }
        return List.of();
      }
      state.put(n, 1);
      stack.add(n);
      for (String d : edges.getOrDefault(n, Set.of())) {
        List<String> c = visit(d);
        if (!c.isEmpty()) {
          return c;
        }
      }
      stack.remove(stack.size() - 1);
      state.put(n, 2);
      return List.of();
    }
  }
}
