package io.quargo.eventsource.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.expr.ExprException;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.webhook.EventFilter;
import io.quargo.core.secret.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields the message-queue EventSources share (Argo's field names), each error an
 * {@link EventSourceSpecException} naming the JSON path. Lives here because the amqp, mqtt and redis parsers
 * share it; it belongs in a common package once one exists.
 */
public final class SpecFields {
  private SpecFields() {}

  /** The map {@code spec.<type>}: event name to spec, in manifest order; empty when absent. */
  public static Map<String, JsonNode> entries(Resource eventSource, String type) {
    JsonNode section = eventSource.spec() == null ? null : eventSource.spec().get(type);
    if (section == null || section.isNull()) {
      return Map.of();
    }
    if (!section.isObject()) {
      throw new EventSourceSpecException("spec." + type, "must be a map of event name to " + type + " source, got "
          + type(section));
    }
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    section.fields().forEachRemaining(e -> {
      if (!e.getValue().isObject()) {
        throw new EventSourceSpecException("spec." + type + "." + e.getKey(), "must be an object, got "
            + type(e.getValue()));
      }
      entries.put(e.getKey(), e.getValue());
    });
    return entries;
  }

  public static String namespace(Resource eventSource) {
    return eventSource.namespace() == null ? "default" : eventSource.namespace();
  }

  public static String requiredText(JsonNode spec, String field, String path) {
    String value = optionalText(spec, field, path);
    if (value == null || value.isBlank()) {
      throw new EventSourceSpecException(path + "." + field, "is required");
    }
    return value.trim();
  }

  /** The text, or null when absent; a number or bool is taken as its text, as YAML users write them. */
  public static String optionalText(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new EventSourceSpecException(path + "." + field, "must be a string, got " + type(value));
    }
    return value.asText();
  }

  public static boolean bool(JsonNode spec, String field, String path, boolean fallback) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
      return Boolean.parseBoolean(value.asText());
    }
    throw new EventSourceSpecException(path + "." + field, "must be true or false, got " + describe(value));
  }

  public static long integer(JsonNode spec, String field, String path, long fallback, long min, long max) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    long number;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      number = value.asLong();
    } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,18}")) {
      number = Long.parseLong(value.asText().trim());
    } else {
      throw new EventSourceSpecException(path + "." + field, "must be a whole number, got " + describe(value));
    }
    if (number < min || number > max) {
      throw new EventSourceSpecException(path + "." + field, "must be between " + min + " and " + max + ", got "
          + number);
    }
    return number;
  }

  /** A list of non-blank strings; {@code required} also refuses an empty list. */
  public static List<String> textList(JsonNode spec, String field, String path, boolean required) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new EventSourceSpecException(path + "." + field, "is required: list at least one");
      }
      return List.of();
    }
    if (!value.isArray()) {
      throw new EventSourceSpecException(path + "." + field, "must be a list of strings, got " + type(value));
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw new EventSourceSpecException(path + "." + field + "[" + i + "]", "must be a non-empty string, got "
            + describe(item));
      }
      items.add(item.asText());
    }
    if (required && items.isEmpty()) {
      throw new EventSourceSpecException(path + "." + field, "is required: list at least one");
    }
    return List.copyOf(items);
  }

  public static Map<String, String> metadata(JsonNode spec, String path) {
    JsonNode value = spec.get("metadata");
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new EventSourceSpecException(path + ".metadata", "must be a map of strings, got " + type(value));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new EventSourceSpecException(path + ".metadata." + e.getKey(), "must be a string, got "
            + type(e.getValue()));
      }
      metadata.put(e.getKey(), e.getValue().asText());
    });
    return metadata;
  }

  /** {@code filter.expression}, compiled; null when there is none. */
  public static EventFilter filter(JsonNode spec, String path) {
    JsonNode expression = spec.path("filter").get("expression");
    if (expression == null || expression.isNull() || expression.asText().isBlank()) {
      return null;
    }
    if (!expression.isTextual()) {
      throw new EventSourceSpecException(path + ".filter.expression", "must be a string, got " + type(expression));
    }
    try {
      return EventFilter.compile(expression.asText());
    } catch (ExprException e) {
      throw new EventSourceSpecException(path + ".filter.expression", "does not compile: " + e.getMessage());
    }
  }

  /** A SecretKeySelector's value, or null when the field is absent; a missing secret is an error. */
  public static String secret(JsonNode spec, String field, String path, SecretResolver secrets, String namespace) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String at = path + "." + field;
    if (!value.isObject() || !value.path("name").isTextual() || !value.path("key").isTextual()) {
      throw new EventSourceSpecException(at, "must name a secret as {name, key}");
    }
    String name = value.get("name").asText();
    String key = value.get("key").asText();
    String secret = secrets.resolve(namespace, name, key);
    if (secret == null) {
      throw new EventSourceSpecException(at, "secret '" + name + "' has no key '" + key + "'");
    }
    return secret.trim();
  }

  public static String type(JsonNode value) {
    return value == null ? "nothing" : value.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  public static String describe(JsonNode value) {
    return value.isTextual() ? "'" + value.asText() + "'" : type(value);
  }

  /** A string field, or null when absent or blank. */
  public static String text(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new EventSourceSpecException(path + "." + field, "must be a string, got " + type(value));
    }
    return value.asText().isBlank() ? null : value.asText().trim();
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
    throw new EventSourceSpecException(path + "." + field, "must be true or false, got " + describe(value));
  }

  /** A Go duration string ({@code 10s}), or null when absent. */
  public static java.time.Duration duration(JsonNode spec, String field, String path) {
    String text = text(spec, field, path);
    if (text == null) {
      return null;
    }
    try {
      return java.time.Duration.ofNanos(io.quargo.core.text.GoDuration.parse(text));
    } catch (IllegalArgumentException e) {
      throw new EventSourceSpecException(path + "." + field, "'" + text + "' is not a Go duration (" + e.getMessage()
          + "); write e.g. 10s, 1m30s or 1h");
    }
  }

  public static List<String> strings(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new EventSourceSpecException(path + "." + field, "must be a list of strings, got " + type(value));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw new EventSourceSpecException(path + "." + field + "[" + i + "]", "must be a string, got " + type(value.get(i)));
      }
      out.add(value.get(i).asText());
    }
    return out;
  }
}
