package io.quargo.core.depends;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Cheap seeded generators for the property tests: jqwik supplies the seed, this builds many inputs from it. */
final class RandomDepends {
  private static final String[] TASKS = {"A", "B", "c-1", "d_2"};
  private static final String[] RESULTS = {"", ".Succeeded", ".Failed", ".Errored", ".Skipped", ".Omitted",
      ".Daemoned", ".AnySucceeded", ".AllFailed"};
  private static final String SOUP = "AB-_.()!&| \tSucedFaildkpOmAny1";
  private static final TaskPhase[] PHASES = TaskPhase.values();

  private final Random random;

  RandomDepends(long seed) {
    random = new Random(seed);
  }

  String soup() {
    int n = random.nextInt(41);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(SOUP.charAt(random.nextInt(SOUP.length())));
    }
    return sb.toString();
  }

  String expression(int depth) {
    int pick = depth == 0 ? 0 : random.nextInt(4);
    return switch (pick) {
      case 0 -> TASKS[random.nextInt(TASKS.length)] + RESULTS[random.nextInt(RESULTS.length)];
      case 1 -> expression(depth - 1) + (random.nextBoolean() ? " && " : "||") + expression(depth - 1);
      case 2 -> "!(" + expression(depth - 1) + ")";
      default -> "(" + expression(depth - 1) + ")";
    };
  }

  Map<String, TaskState> states(boolean finishedOnly) {
    Map<String, TaskState> m = new HashMap<>();
    for (String t : TASKS) {
      if (!finishedOnly && random.nextInt(4) == 0) {
        continue;
      }
      TaskPhase p = PHASES[random.nextInt(PHASES.length)];
      while (finishedOnly && (p == TaskPhase.PENDING || p == TaskPhase.RUNNING)) {
        p = PHASES[random.nextInt(PHASES.length)];
      }
      List<TaskPhase> children = null;
      if (random.nextBoolean()) {
        children = random.ints(random.nextInt(4), 0, PHASES.length).mapToObj(i -> PHASES[i]).toList();
      }
      m.put(t, new TaskState(p, random.nextInt(3) == 0, children));
    }
    return m;
  }
}
