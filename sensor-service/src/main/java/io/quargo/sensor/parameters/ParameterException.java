package io.quargo.sensor.parameters;

/** A trigger parameter that cannot be resolved or written; the message starts with the parameter's JSON path. */
public final class ParameterException extends RuntimeException {
  public ParameterException(String where, String problem) {
    super(where + ": " + problem);
  }
}
