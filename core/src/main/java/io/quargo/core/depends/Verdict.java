package io.quargo.core.depends;

/** Three-valued (Kleene) answer while some referenced tasks are still unfulfilled. */
public enum Verdict {
  TRUE,
  FALSE,
  /** Depends on tasks that have not finished yet. */
  UNKNOWN;

  static Verdict of(boolean b) {
    return b ? TRUE : FALSE;
  }

  Verdict not() {
    return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
  }
}
