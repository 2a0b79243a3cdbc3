package io.quargo.sensor.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** Typed reads from a spec tree; every failure names the JSON path, what was found and what is expected. */
final class SpecReader {
  private SpecReader() {}

  static boolean present(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    return v != null && !v.isNull();
  }

  /** An optional string; "" when absent. */
  static String text(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new SensorSpecException(path + "." + field, "must be a string, got " + type(v));
    }
    return v.asText();
  }

  static String requiredText(JsonNode parent, String field, String path) {
    String s = text(parent, field, path);
    if (s.isBlank()) {
      throw new SensorSpecException(path + "." + field, "is required");
    }
    return s;
  }

  /** Strings, numbers and booleans read as text, as Kubernetes' loose YAML decoding of string fields does. */
  static String scalar(JsonNode v, String path) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    throw new SensorSpecException(path, "must be a string, got " + type(v));
  }

  static boolean bool(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new SensorSpecException(path + "." + field, "must be true or false, got " + type(v));
    }
    return v.asBoolean();
  }

  static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new SensorSpecException(path + "." + field, "must be an object, got " + type(v));
    }
    return v;
  }

  /** Each element of an optional list, read with its own path ({@code path.field[i]}). */
  static <T> List<T> list(JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> read) {
    JsonNode v = parent.get(field);
    List<T> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new SensorSpecException(path + "." + field, "must be a list, got " + type(v));
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(read.apply(v.get(i), path + "." + field + "[" + i + "]"));
    }
    return out;
  }

  static JsonNode requireObject(JsonNode v, String path) {
    if (v == null || !v.isObject()) {
      throw new SensorSpecException(path, "must be an object, got " + type(v));
    }
    return v;
  }

  static String type(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    return v.getNodeType().name().toLowerCase(Locale.ROOT) + (v.isValueNode() ? " '" + v.asText() + "'" : "");
  }
}
