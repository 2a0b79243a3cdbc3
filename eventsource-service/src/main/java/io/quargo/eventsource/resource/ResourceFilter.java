package io.quargo.eventsource.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client-side part of a resource source's {@code filter}, as Argo applies it: the name must start with
 * {@code prefix}; with {@code afterStart} the change must have happened after the source started; with
 * {@code createdBy} the object must have been created at or before that time; every {@code fields} selector must
 * hold (a dot path into the object, its value matched by a regular expression anywhere in the text; {@code =},
 * {@code ==} match, {@code !=} must not; a missing field fails). Labels are filtered by the apiserver instead.
 */
public record ResourceFilter(String prefix, Instant createdBy, boolean afterStart, List<Field> fields) {
  public static final ResourceFilter NONE = new ResourceFilter("", null, false, List.of());

  /** One {@code filter.fields} entry. */
  public record Field(String key, boolean negated, Pattern value) {}

  /**
   * Whether the change of {@code object} passes. {@code started} is when the source started; the change's time is
   * the creation for ADD, the deletion (else now) for DELETE, and the latest managed-fields update for UPDATE (now
   * when the object has none: the change was just observed).
   */
  public boolean accepts(JsonNode object, ResourceEventType type, Instant started, Instant now) {
    JsonNode metadata = object.path("metadata");
    if (!metadata.path("name").asText().startsWith(prefix)) {
      return false;
    }
    Instant created = time(metadata.path("creationTimestamp"));
    // creationTimestamp has whole seconds: compare at that precision or an object created just after start is lost
    if (afterStart && eventTime(metadata, type, created, now).isBefore(started.truncatedTo(ChronoUnit.SECONDS))) {
      return false;
    }
    if (createdBy != null && created != null && created.isAfter(createdBy)) {
      return false;
    }
    return fields.stream().allMatch(f -> matches(object, f));
  }

  private static Instant eventTime(JsonNode metadata, ResourceEventType type, Instant created, Instant now) {
    Instant fallback = created == null ? now : created;
    switch (type) {
      case ADD:
        return fallback;
      case DELETE:
        Instant deleted = time(metadata.path("deletionTimestamp"));
        return deleted == null ? now : deleted;
      default:
        Instant latest = null;
        for (JsonNode managed : metadata.path("managedFields")) {
          Instant at = time(managed.path("time"));
          if ("Update".equals(managed.path("operation").asText()) && at != null
              && (latest == null || at.isAfter(latest))) {
            latest = at;
          }
        }
        return latest == null ? now : latest.isAfter(fallback) ? latest : fallback;
    }
  }

  private static boolean matches(JsonNode object, Field field) {
    JsonNode value = at(object, field.key());
    if (value == null || value.isMissingNode() || value.isNull()) {
      return false;
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    return field.value().matcher(text).find() != field.negated();
  }

  /** A dot path; {@code \.} is a dot inside a key ({@code metadata.labels.app\.kubernetes\.io/name}). */
  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String key : split(path)) {
      node = node.isArray() && key.matches("\\d+") ? node.path(Integer.parseInt(key)) : node.path(key);
    }
    return node;
  }

  private static List<String> split(String path) {
    List<String> keys = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
        key.append('.');
        i++;
      } else if (c == '.') {
        keys.add(key.toString());
        key.setLength(0);
      } else {
        key.append(c);
      }
    }
    keys.add(key.toString());
    return keys;
  }

  private static Instant time(JsonNode value) {
    if (!value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
