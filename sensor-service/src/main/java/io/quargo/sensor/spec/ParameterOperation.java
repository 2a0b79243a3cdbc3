package io.quargo.sensor.spec;

/** A trigger parameter's {@code operation}: replace the value at dest (default), or join the new value to it. */
public enum ParameterOperation {
  OVERWRITE, APPEND, PREPEND;

  static ParameterOperation parse(String text, String path) {
    return switch (text) {
      case "", "overwrite" -> OVERWRITE;
      case "append" -> APPEND;
      case "prepend" -> PREPEND;
      default -> throw new SensorSpecException(path, "must be overwrite, append or prepend, got '" + text + "'");
    };
  }
}
