package io.quargo.bench.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;

/**
 * The Workflows the benchmarks submit, built as a user would write them (argoproj.io/v1alpha1), so the engine
 * sees ordinary manifests: a layered DAG, a chain, a {@code withSequence} fan-out, and a small two-task DAG.
 */
final class WorkflowShapes {
  /** Tasks per DAG layer: wide enough that the depth (and the engine's recursion over depends) stays small. */
  static final int LAYER_WIDTH = 100;

  private WorkflowShapes() {}

  /**
   * A DAG of {@code tasks} tasks in layers of {@link #LAYER_WIDTH}: task {@code t<i>} of layer L depends on
   * {@code t<i - W>} and {@code t<i - W + 1>} of layer L-1 (the two above it), so every task has one or two
   * dependencies and the graph is connected layer to layer.
   */
  static Resource layeredDag(String name, int tasks) {
    ObjectNode wf = workflow(name, "main");
    ObjectNode dag = template(wf, "main").putObject("dag");
    ArrayNode list = dag.putArray("tasks");
    for (int i = 0; i < tasks; i++) {
      ObjectNode task = list.addObject().put("name", taskName(i)).put("template", "noop");
      if (i >= LAYER_WIDTH) {
        ArrayNode deps = task.putArray("dependencies");
        for (int d : dependenciesOf(i)) {
          deps.add(taskName(d));
        }
      }
    }
    noop(wf);
    return Resource.of(wf);
  }

  /** The indexes {@code i} depends on in {@link #layeredDag}; shared with the baseline so both see one graph. */
  static int[] dependenciesOf(int i) {
    if (i < LAYER_WIDTH) {
      return new int[0];
    }
    int above = i - LAYER_WIDTH;
    boolean lastInLayer = (i + 1) % LAYER_WIDTH == 0;
    return lastInLayer ? new int[] {above} : new int[] {above, above + 1};
  }

  static String taskName(int i) {
    return "t" + i;
  }

  /** A chain: {@code t<i>} depends on {@code t<i-1>}, so the DAG is as deep as it has tasks. */
  static Resource chain(String name, int tasks) {
    ObjectNode wf = workflow(name, "main");
    ArrayNode list = template(wf, "main").putObject("dag").putArray("tasks");
    for (int i = 0; i < tasks; i++) {
      ObjectNode task = list.addObject().put("name", taskName(i)).put("template", "noop");
      if (i > 0) {
        task.putArray("dependencies").add(taskName(i - 1));
      }
    }
    noop(wf);
    return Resource.of(wf);
  }

  /** One DAG task {@code fan} with {@code withSequence.count = width}: Argo's TaskGroup of {@code width} pods. */
  static Resource fanOut(String name, int width) {
    ObjectNode wf = workflow(name, "main");
    ObjectNode task = template(wf, "main").putObject("dag").putArray("tasks").addObject()
        .put("name", "fan").put("template", "noop");
    task.putObject("withSequence").put("count", Integer.toString(width));
    noop(wf);
    return Resource.of(wf);
  }

  /** Two tasks, {@code b} after {@code a}, each {@code echo hello} as a host process. */
  static Resource small(String name) {
    ObjectNode wf = workflow(name, "main");
    ArrayNode tasks = template(wf, "main").putObject("dag").putArray("tasks");
    tasks.addObject().put("name", "a").put("template", "echo");
    tasks.addObject().put("name", "b").put("template", "echo").putArray("dependencies").add("a");
    ObjectNode echo = template(wf, "echo").putObject("container").put("image", "alpine:3.18");
    echo.putArray("command").add("echo");
    echo.putArray("args").add("hello");
    return Resource.of(wf);
  }

  private static ObjectNode workflow(String name, String entrypoint) {
    ObjectNode wf = Json.MAPPER.createObjectNode().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    wf.putObject("metadata").put("name", name).put("namespace", "bench");
    wf.putObject("spec").put("entrypoint", entrypoint).putArray("templates");
    return wf;
  }

  private static ObjectNode template(ObjectNode wf, String name) {
    return ((ArrayNode) wf.path("spec").path("templates")).addObject().put("name", name);
  }

  /** A container that the instant executor never runs; the engine still resolves and substitutes it. */
  private static void noop(ObjectNode wf) {
    ObjectNode c = template(wf, "noop").putObject("container").put("image", "alpine:3.18");
    c.putArray("command").add("true");
  }
}
