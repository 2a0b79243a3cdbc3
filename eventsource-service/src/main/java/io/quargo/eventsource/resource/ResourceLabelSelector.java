package io.quargo.eventsource.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code filter.labels} as a Kubernetes label selector string for the apiserver: operation {@code =} or
 * {@code ==} (the default), {@code !=}, {@code in} and {@code notin} (comma-separated values), {@code exists}
 * and {@code !} (no value).
 */
final class ResourceLabelSelector {
  private ResourceLabelSelector() {}

  /** The selector, or null when there are no labels. */
  static String of(JsonNode labels, String path) {
    List<String> requirements = new ArrayList<>();
    List<JsonNode> entries = entries(labels, path);
    for (int i = 0; i < entries.size(); i++) {
      requirements.add(requirement(entries.get(i), path + "[" + i + "]"));
    }
    return requirements.isEmpty() ? null : String.join(",", requirements);
  }

  /** A list of objects at {@code path}; empty when absent. */
  static List<JsonNode> entries(JsonNode list, String path) {
    if (list == null || list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new EventSourceSpecException(path, "must be a list of {key, operation, value}, got " + SpecFields.type(list));
    }
    List<JsonNode> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isObject()) {
        throw new EventSourceSpecException(path + "[" + i + "]", "must be an object {key, operation, value}, got "
            + SpecFields.type(list.get(i)));
      }
      entries.add(list.get(i));
    }
    return entries;
  }

  private static String requirement(JsonNode entry, String path) {
    String key = SpecFields.requiredText(entry, "key", path);
    String operation = SpecFields.optionalText(entry, "operation", path);
    String op = operation == null || operation.isBlank() ? "==" : operation.trim();
    String value = SpecFields.optionalText(entry, "value", path);
    String text = value == null ? "" : value.trim();
    switch (op) {
      case "=", "==":
        return key + "=" + text;
      case "!=":
        return key + "!=" + text;
      case "in", "notin":
        if (text.isEmpty()) {
          throw new EventSourceSpecException(path + ".value", "needs comma-separated values for '" + op + "'");
        }
        return key + " " + op + " (" + text + ")";
      case "exists":
        return key;
      case "!":
        return "!" + key;
      default:
        throw new EventSourceSpecException(path + ".operation", "must be one of =, ==, !=, in, notin, exists, !; got '"
            + op + "'");
    }
  }
}
