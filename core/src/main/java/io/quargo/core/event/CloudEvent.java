package io.quargo.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A CloudEvents 1.0 event as Argo Events builds it: {@code id} (32 hex chars), {@code source} = EventSource
 * name, {@code subject} = event name, {@code type} = event source type (e.g. {@code webhook}), {@code time},
 * {@code datacontenttype} ({@code application/json}) and the type-specific {@code data}.
 *
 * @param id unique per source; the bus deduplicates on it ({@code Nats-Msg-Id})
 * @param source the producer, for Argo the EventSource name
 * @param specversion always {@value #SPEC_VERSION}
 * @param type the kind of occurrence, for Argo the event source type
 * @param subject optional; for Argo the event name (the key under {@code spec.<type>})
 * @param time optional; when the occurrence happened
 * @param datacontenttype optional; media type of {@code data}, absent means JSON
 * @param data optional; JSON data as a tree, or a {@code BinaryNode} for bytes that are not JSON
 * @param extensions other attributes (including {@code dataschema}), sorted by name; values are JSON scalars
 */
public record CloudEvent(
    String id,
    String source,
    String specversion,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    JsonNode data,
    Map<String, JsonNode> extensions) {

  public static final String SPEC_VERSION = "1.0";
  public static final String APPLICATION_JSON = "application/json";

  /** Attribute names with a field of their own; they cannot be extensions. */
  static final Set<String> RESERVED = Set.of(
      "id", "source", "specversion", "type", "subject", "time", "datacontenttype", "data", "data_base64");
  private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");

  public CloudEvent {
    requireText("id", id);
    requireText("source", source);
    requireText("type", type);
    if (specversion == null) {
      specversion = SPEC_VERSION;
    } else if (!SPEC_VERSION.equals(specversion)) {
      throw new InvalidCloudEventException("specversion",
          "CloudEvent specversion '" + specversion + "' is not supported; only " + SPEC_VERSION + " is");
    }
    extensions = copyExtensions(extensions);
  }

  /** A builder with a fresh Argo-style id, the current time and {@code application/json}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Argo's Kafka source replaces the random id with a deterministic one; so can any source. */
  public CloudEvent withId(String newId) {
    return new CloudEvent(newId, source, specversion, type, subject, time, datacontenttype, data, extensions);
  }

  public CloudEvent withData(String contentType, JsonNode newData) {
    return new CloudEvent(id, source, specversion, type, subject, time, contentType, newData, extensions);
  }

  /**
   * Adds or replaces an extension attribute. Names follow the CloudEvents rule (lower-case ASCII letters and
   * digits, at most 20) so that every SDK accepts them; decoding is lenient with events from elsewhere.
   */
  public CloudEvent withExtension(String name, JsonNode value) {
    if (name == null || !EXTENSION_NAME.matcher(name).matches()) {
      throw new InvalidCloudEventException(name,
          "CloudEvent extension name '" + name + "' must be 1-20 lower-case letters or digits");
    }
    SortedMap<String, JsonNode> copy = new TreeMap<>(extensions);
    copy.put(name, value);
    return new CloudEvent(id, source, specversion, type, subject, time, datacontenttype, data, copy);
  }

  private static void requireText(String attribute, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidCloudEventException(attribute,
          "CloudEvent attribute '" + attribute + "' is required and must be a non-empty string");
    }
  }

  private static Map<String, JsonNode> copyExtensions(Map<String, JsonNode> extensions) {
    if (extensions == null || extensions.isEmpty()) {
      return Collections.emptySortedMap();
    }
    SortedMap<String, JsonNode> copy = new TreeMap<>();
    extensions.forEach((name, value) -> {
      if (name == null || name.isEmpty() || RESERVED.contains(name)) {
        throw new InvalidCloudEventException(name,
            "'" + name + "' cannot be a CloudEvent extension name (empty or a core attribute)");
      }
      if (value == null || value.isContainerNode()) {
        throw new InvalidCloudEventException(name,
            "CloudEvent extension '" + name + "' must be a string, number or boolean, not " + value);
      }
      copy.put(name, value);
    });
    return Collections.unmodifiableSortedMap(copy);
  }

  /** Builds an event; {@code type} and {@code source} are required, the rest has Argo's defaults. */
  public static final class Builder {
    private String id = CloudEventIds.newId();
    private String source;
    private String type;
    private String subject;
    private Instant time = Instant.now();
    private String datacontenttype = APPLICATION_JSON;
    private JsonNode data;
    private final SortedMap<String, JsonNode> extensions = new TreeMap<>();

    private Builder() {}

    public Builder id(String value) {
      this.id = value;
      return this;
    }

    public Builder source(String value) {
      this.source = value;
      return this;
    }

    public Builder type(String value) {
      this.type = value;
      return this;
    }

    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    public Builder time(Instant value) {
      this.time = value;
      return this;
    }

    public Builder datacontenttype(String value) {
      this.datacontenttype = value;
      return this;
    }

    public Builder data(JsonNode value) {
      this.data = value;
      return this;
    }

    public Builder extension(String name, JsonNode value) {
      extensions.put(name, value);
      return this;
    }

    public CloudEvent build() {
      CloudEvent event = new CloudEvent(id, source, SPEC_VERSION, type, subject, time, datacontenttype, data, null);
      for (Map.Entry<String, JsonNode> e : extensions.entrySet()) {
        event = event.withExtension(e.getKey(), e.getValue());
      }
      return event;
    }
  }
}
