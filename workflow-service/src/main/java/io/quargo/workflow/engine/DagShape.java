package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.depends.DependsException;
import io.quargo.core.depends.DependsExpression;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DAG template read once per DAG node: its tasks, their parsed {@code depends}, the targets, and the order to
 * visit the tasks the targets need (dependencies first). Visiting in that order instead of recursing keeps a
 * 10,000-deep chain off the stack.
 */
final class DagShape {
  final Map<String, JsonNode> tasks = new LinkedHashMap<>();
  final Map<String, DependsExpression> depends = new HashMap<>();
  final List<String> targets;
  final List<String> order;

  DagShape(JsonNode dag) {
    for (JsonNode t : dag.path("tasks")) {
      tasks.put(t.path("name").asText(), t);
    }
    for (Map.Entry<String, JsonNode> e : tasks.entrySet()) {
      depends.put(e.getKey(), parse(e.getKey(), e.getValue()));
    }
    targets = targets(dag.path("target").asText("").trim());
    order = order();
  }

  JsonNode task(String name) {
    JsonNode t = tasks.get(name);
    if (t == null) {
      throw new EngineException("task '" + name + "' is not a task of the dag");
    }
    return t;
  }

  Set<String> references(String task) {
    DependsExpression d = depends.get(task);
    return d == null ? Set.of() : d.references();
  }

  private DependsExpression parse(String name, JsonNode task) {
    try {
      if (task.hasNonNull("depends") && !task.get("depends").asText().isBlank()) {
        return DependsExpression.parse(task.get("depends").asText(), dep -> DagOperator.continueOn(task(dep)));
      }
      List<String> deps = new ArrayList<>();
      task.path("dependencies").forEach(d -> deps.add(d.asText()));
      return deps.isEmpty() ? null
          : DependsExpression.fromDependencies(deps, dep -> DagOperator.continueOn(task(dep)));
    } catch (DependsException | IllegalArgumentException e) {
      throw new EngineException("task " + name + ": invalid depends: " + e.getMessage());
    }
  }

  private List<String> targets(String target) {
    List<String> list = new ArrayList<>();
    if (!target.isEmpty()) {
      for (String t : target.split("\\s+")) {
        if (!tasks.containsKey(t)) {
          throw new EngineException("target '" + t + "' is not a task of the dag");
        }
        list.add(t);
      }
      return list;
    }
    Set<String> dependedOn = new HashSet<>();
    depends.values().forEach(d -> {
      if (d != null) {
        dependedOn.addAll(d.references());
      }
    });
    for (String name : tasks.keySet()) {
      if (!dependedOn.contains(name)) {
        list.add(name);
      }
    }
    Collections.sort(list);
    return list;
  }

  /** Post-order over the targets' ancestors, without recursion; a cycle is an error naming a task on it. */
  private List<String> order() {
    List<String> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> onPath = new HashSet<>();
    for (String target : targets) {
      Deque<Object[]> stack = new ArrayDeque<>();
      stack.push(new Object[] {target, null});
      while (!stack.isEmpty()) {
        Object[] frame = stack.peek();
        String name = (String) frame[0];
        if (frame[1] == null) {
          if (done.contains(name)) {
            stack.pop();
            continue;
          }
          task(name);
          onPath.add(name);
          frame[1] = new ArrayList<>(references(name)).iterator();
        }
        @SuppressWarnings("unchecked")
        java.util.Iterator<String> deps = (java.util.Iterator<String>) frame[1];
        if (deps.hasNext()) {
          String dep = deps.next();
          if (onPath.contains(dep)) {
            throw new EngineException("the dag has a cycle through task " + dep);
          }
          if (!done.contains(dep)) {
            stack.push(new Object[] {dep, null});
          }
        } else {
          stack.pop();
          onPath.remove(name);
          if (done.add(name)) {
            out.add(name);
          }
        }
      }
    }
    return out;
  }
}
