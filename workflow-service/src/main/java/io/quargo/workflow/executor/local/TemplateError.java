package io.quargo.workflow.executor.local;

/**
 * A template the local executor cannot run, with a message saying what, where (a JSON path inside the template)
 * and how to fix it. The node ends in phase {@code Error} with this message; nothing is thrown to the engine.
 */
public final class TemplateError extends Exception {
  private static final long serialVersionUID = 1L;

  public TemplateError(String message) {
    super(message, null, false, false);
  }
}
