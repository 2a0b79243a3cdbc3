package io.quargo.sensor.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code and} (Argo's default, also for "") or {@code or}: how the results of a group of filters combine. */
public enum LogicalOperator {
  AND, OR;

  static LogicalOperator read(JsonNode parent, String field, String path) {
    String v = SpecReader.text(parent, field, path);
    return switch (v) {
      case "", "and" -> AND;
      case "or" -> OR;
      default -> throw new SensorSpecException(path + "." + field, "must be 'and' or 'or', got '" + v + "'");
    };
  }
}
