package io.quargo.workflow.engine;

/** A problem with the workflow itself (bad reference, missing input); the node it concerns ends in Error. */
public final class EngineException extends RuntimeException {
  public EngineException(String message) {
    super(message);
  }
}
