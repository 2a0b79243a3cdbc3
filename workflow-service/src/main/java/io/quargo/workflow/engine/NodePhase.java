package io.quargo.workflow.engine;

/** Argo's node phases; the names are the wire values. */
public enum NodePhase {
  Pending, Running, Succeeded, Skipped, Failed, Error, Omitted;

  /** Succeeded, Failed or Error. */
  public boolean completed() {
    return this == Succeeded || this == Failed || this == Error;
  }

  /** Completed, or never going to run (Skipped, Omitted). */
  public boolean fulfilled() {
    return completed() || this == Skipped || this == Omitted;
  }

  public boolean failedOrError() {
    return this == Failed || this == Error;
  }

  public boolean successful() {
    return this == Succeeded || this == Skipped || this == Omitted;
  }
}
