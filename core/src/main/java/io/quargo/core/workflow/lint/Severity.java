package io.quargo.core.workflow.lint;

/** An error makes {@code argo lint} fail; a warning is something we could not check or that is likely a mistake. */
public enum Severity {
  ERROR,
  WARNING
}
