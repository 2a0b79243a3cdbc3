package io.quargo.eventsource.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.expr.ExprException;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.webhook.EventFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Field readers shared by the calendar, file and nats spec parsers; every problem is a {@link SpecException}
 * naming the JSON path.
 */
public final class SpecFields {
  private SpecFields() {}

  /** The entries of {@code spec.<type>} in manifest order; empty when the EventSource has none. */
  public static Map<String, JsonNode> entries(Resource eventSource, String type) {
    JsonNode node = eventSource.spec() == null ? null : eventSource.spec().get(type);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new SpecException("spec." + type, "must be a map of event name to " + type + " settings, got " + type(node));
    }
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!e.getValue().isObject()) {
        throw new SpecException("spec." + type + "." + e.getKey(), "must be an object, got " + type(e.getValue()));
      }
      entries.put(e.getKey(), e.getValue());
    });
    return entries;
  }

  public static String namespace(Resource eventSource) {
    return eventSource.namespace() == null || eventSource.namespace().isBlank() ? "default" : eventSource.namespace();
  }

  /** A string field, or null when absent or blank. */
  public static String text(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new SpecException(path + "." + field, "must be a string, got " + type(value));
    }
    return value.asText().isBlank() ? null : value.asText().trim();
  }

  public static String requiredText(JsonNode spec, String field, String path) {
    String value = text(spec, field, path);
    if (value == null) {
      throw new SpecException(path + "." + field, "is required");
    }
    return value;
  }

  public static boolean bool(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
      return Boolean.parseBoolean(value.asText());
    }
    throw new SpecException(path + "." + field, "must be true or false, got " + describe(value));
  }

  /** A Go duration string ({@code 10s}), or null when absent. */
  public static Duration duration(JsonNode spec, String field, String path) {
    String text = text(spec, field, path);
    if (text == null) {
      return null;
    }
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SpecException(path + "." + field, e.getMessage());
    }
  }

  public static List<String> strings(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new SpecException(path + "." + field, "must be a list of strings, got " + type(value));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw new SpecException(path + "." + field + "[" + i + "]", "must be a string, got " + type(value.get(i)));
      }
      out.add(value.get(i).asText());
    }
    return out;
  }

  /** {@code metadata}: copied verbatim into the event's {@code data.metadata}. */
  public static Map<String, String> metadata(JsonNode spec, String path) {
    JsonNode value = spec.get("metadata");
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new SpecException(path + ".metadata", "must be a map of strings, got " + type(value));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new SpecException(path + ".metadata." + e.getKey(), "must be a string, got " + type(e.getValue()));
      }
      metadata.put(e.getKey(), e.getValue().asText());
    });
    return metadata;
  }

  /** {@code filter.expression}, compiled; null when there is none. */
  public static EventFilter filter(JsonNode spec, String path) {
    JsonNode expression = spec.path("filter").get("expression");
    if (expression == null || expression.isNull()) {
      return null;
    }
    if (!expression.isTextual()) {
      throw new SpecException(path + ".filter.expression", "must be a string, got " + type(expression));
    }
    if (expression.asText().isBlank()) {
      return null;
    }
    try {
      return EventFilter.compile(expression.asText());
    } catch (ExprException e) {
      throw new SpecException(path + ".filter.expression", "does not compile: " + e.getMessage());
    }
  }

  public static String type(JsonNode value) {
    return value == null ? "nothing" : value.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private static String describe(JsonNode value) {
    return value.isTextual() ? "'" + value.asText() + "'" : type(value);
  }
}
