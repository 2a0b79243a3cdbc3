package io.quargo.core.depends;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The results a {@code depends} expression can ask about: {@code task.Succeeded}, {@code task.AllFailed}, ... */
public enum TaskResult {
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  ERRORED("Errored"),
  SKIPPED("Skipped"),
  OMITTED("Omitted"),
  DAEMONED("Daemoned"),
  /** At least one child of a fanned-out task (withItems/withParam) succeeded. */
  ANY_SUCCEEDED("AnySucceeded"),
  /** Every child of a fanned-out task failed (and there was at least one). */
  ALL_FAILED("AllFailed");

  private final String argoName;

  TaskResult(String argoName) {
    this.argoName = argoName;
  }

  public String argoName() {
    return argoName;
  }

  /** Null when the name is not a result (case-sensitive, as in Argo). */
  static TaskResult fromArgo(String name) {
    for (TaskResult r : values()) {
      if (r.argoName.equals(name)) {
        return r;
      }
    }
    return null;
  }

  static String allNames() {
    return Arrays.stream(values()).map(TaskResult::argoName).collect(Collectors.joining(", "));
  }
}
