package io.quargo.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost floor for the engine benchmarks: Kahn's algorithm over the same Workflow's DAG, reading the same
 * manifest, handing one {@link ExecutionTask} per task to the same executor and releasing dependents as each task
 * reports finished. No Argo semantics: no node tree, no names or ids, no {@code {{ }}} substitution, no depends
 * expressions, no phase assessment, no status. Whatever the engine costs beyond this is the price of those.
 */
final class TopologicalBaseline {
  private TopologicalBaseline() {}

  /** Runs every task of the entrypoint DAG (a {@code withSequence} task counts as its items); returns how many. */
  static int run(Resource workflow, Executor executor) {
    JsonNode spec = workflow.spec();
    JsonNode dag = templateNamed(spec, spec.path("entrypoint").asText()).path("dag").path("tasks");
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (JsonNode t : dag) {
      for (int i = 0; i < copies(t); i++) {
        String name = copies(t) == 1 ? t.path("name").asText() : t.path("name").asText() + "(" + i + ")";
        index.put(name, names.size());
        names.add(name);
      }
    }
    int[] waiting = new int[names.size()];
    List<List<Integer>> dependents = new ArrayList<>();
    names.forEach(n -> dependents.add(new ArrayList<>()));
    for (JsonNode t : dag) {
      int self = index.getOrDefault(t.path("name").asText(), -1);
      for (JsonNode dep : t.path("dependencies")) {
        dependents.get(index.get(dep.asText())).add(self);
        waiting[self]++;
      }
    }
    return schedule(workflow, names, waiting, dependents, executor);
  }

  private static int schedule(Resource workflow, List<String> names, int[] waiting, List<List<Integer>> dependents,
      Executor executor) {
    ObjectNode template = (ObjectNode) templateNamed(workflow.spec(), "noop");
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    ArrayDeque<Integer> finished = new ArrayDeque<>();
    for (int i = 0; i < waiting.length; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    int done = 0;
    while (!ready.isEmpty() || !finished.isEmpty()) {
      while (!ready.isEmpty()) {
        int i = ready.poll();
        ExecutionTask task = new ExecutionTask(workflow.namespace(), workflow.name(), Integer.toString(i),
            names.get(i), names.get(i), template, false, Map.of());
        executor.start(task, listener(i, finished));
      }
      while (!finished.isEmpty()) {
        done++;
        for (int d : dependents.get(finished.poll())) {
          if (--waiting[d] == 0) {
            ready.add(d);
          }
        }
      }
    }
    return done;
  }

  private static int copies(JsonNode task) {
    return task.has("withSequence") ? task.path("withSequence").path("count").asInt() : 1;
  }

  private static JsonNode templateNamed(JsonNode spec, String name) {
    for (JsonNode t : spec.path("templates")) {
      if (name.equals(t.path("name").asText())) {
        return t;
      }
    }
    throw new IllegalArgumentException("spec.templates has no template '" + name + "'");
  }

  private static ExecutionListener listener(int task, ArrayDeque<Integer> finished) {
    return new ExecutionListener() {
      @Override
      public void started(Instant at) {
        // the floor does not track Running
      }

      @Override
      public void log(String stream, String line) {
        // no logs from the instant executor
      }

      @Override
      public void finished(ExecutionResult result) {
        finished.add(task);
      }
    };
  }
}
