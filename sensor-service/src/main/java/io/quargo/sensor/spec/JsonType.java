package io.quargo.sensor.spec;

/** A data filter's {@code type}: how the value at the path and the filter's values are compared. */
public enum JsonType {
  STRING, NUMBER, BOOL;

  static JsonType parse(String text, String path) {
    return switch (text) {
      case "string" -> STRING;
      case "number" -> NUMBER;
      case "bool" -> BOOL;
      case "" -> throw new SensorSpecException(path, "is required: one of string, number, bool");
      default -> throw new SensorSpecException(path, "must be one of string, number, bool, got '" + text + "'");
    };
  }
}
