package io.quargo.eventsource.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code spec.resource} into {@link ResourceSource}s with Argo's validation ({@code version},
 * {@code resource} and {@code eventTypes} required); errors name the JSON path, e.g.
 * {@code spec.resource.example.eventTypes[1]: must be one of ADD, UPDATE, DELETE, got 'CREATE'}.
 */
public final class ResourceSpecParser {

  public List<ResourceSource> parse(Resource eventSource) {
    List<ResourceSource> sources = new ArrayList<>();
    SpecFields.entries(eventSource, "resource").forEach((name, spec) -> sources.add(
        source(SpecFields.namespace(eventSource), eventSource.name(), name, spec, "spec.resource." + name)));
    return sources;
  }

  ResourceSource source(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    String watchNamespace = SpecFields.optionalText(spec, "namespace", path);
    String group = SpecFields.optionalText(spec, "group", path);
    String version = SpecFields.requiredText(spec, "version", path);
    String resource = SpecFields.requiredText(spec, "resource", path);
    JsonNode filter = spec.path("filter");
    if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
      throw new EventSourceSpecException(path + ".filter", "must be an object, got " + SpecFields.type(filter));
    }
    return new ResourceSource(namespace, eventSource, eventName,
        watchNamespace == null || watchNamespace.isBlank() ? null : watchNamespace.trim(),
        group == null ? "" : group.trim(), version, resource, eventTypes(spec, path),
        ResourceLabelSelector.of(filter.path("labels"), path + ".filter.labels"), filter(filter, path + ".filter"),
        SpecFields.metadata(spec, path));
  }

  private static List<ResourceEventType> eventTypes(JsonNode spec, String path) {
    List<String> names = SpecFields.textList(spec, "eventTypes", path, true);
    List<ResourceEventType> types = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      try {
        types.add(ResourceEventType.valueOf(names.get(i).trim()));
      } catch (IllegalArgumentException e) {
        throw new EventSourceSpecException(path + ".eventTypes[" + i + "]", "must be one of ADD, UPDATE, DELETE, got '"
            + names.get(i) + "'");
      }
    }
    return List.copyOf(types);
  }

  private static ResourceFilter filter(JsonNode filter, String path) {
    if (!filter.isObject()) {
      return ResourceFilter.NONE;
    }
    String prefix = SpecFields.optionalText(filter, "prefix", path);
    String createdBy = SpecFields.optionalText(filter, "createdBy", path);
    return new ResourceFilter(prefix == null ? "" : prefix, createdBy == null || createdBy.isBlank() ? null
        : time(createdBy, path + ".createdBy"), SpecFields.bool(filter, "afterStart", path, false),
        fields(filter.path("fields"), path + ".fields"));
  }

  private static Instant time(String text, String path) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new EventSourceSpecException(path, "must be an RFC 3339 time like 2019-04-06T12:52:11Z, got '" + text + "'");
    }
  }

  private static List<ResourceFilter.Field> fields(JsonNode list, String path) {
    List<ResourceFilter.Field> fields = new ArrayList<>();
    for (int i = 0; i < ResourceLabelSelector.entries(list, path).size(); i++) {
      JsonNode entry = list.get(i);
      String at = path + "[" + i + "]";
      String key = SpecFields.requiredText(entry, "key", at);
      String operation = SpecFields.optionalText(entry, "operation", at);
      String op = operation == null || operation.isBlank() ? "==" : operation.trim();
      if (!List.of("=", "==", "!=").contains(op)) {
        throw new EventSourceSpecException(at + ".operation", "must be one of =, ==, != for fields, got '" + op + "'");
      }
      String value = SpecFields.optionalText(entry, "value", at);
      try {
        fields.add(new ResourceFilter.Field(key, op.equals("!="), Pattern.compile(value == null ? "" : value)));
      } catch (PatternSyntaxException e) {
        throw new EventSourceSpecException(at + ".value", "is not a valid regular expression: " + e.getDescription());
      }
    }
    return List.copyOf(fields);
  }
}
