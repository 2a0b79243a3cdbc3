package io.quargo.core.depends;

/** Node phases as Argo names them ({@code NodePhase} in workflow_types.go). */
public enum TaskPhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  SKIPPED("Skipped"),
  FAILED("Failed"),
  ERROR("Error"),
  OMITTED("Omitted");

  private final String argoName;

  TaskPhase(String argoName) {
    this.argoName = argoName;
  }

  public String argoName() {
    return argoName;
  }

  /** Completed = Succeeded, Failed or Error; Skipped and Omitted are fulfilled without having run. */
  public boolean completed() {
    return this == SUCCEEDED || this == FAILED || this == ERROR;
  }

  public static TaskPhase fromArgo(String name) {
    for (TaskPhase p : values()) {
      if (p.argoName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown node phase '" + name + "'; expected one of Pending, Running,"
        + " Succeeded, Skipped, Failed, Error, Omitted");
  }
}
