package io.quargo.eventsource.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;

/**
 * The event data Argo's resource source sends: {@code type} (ADD, UPDATE, DELETE), {@code body} (the object),
 * {@code oldBody} (the previous object for UPDATE, else null), {@code group}, {@code version}, {@code resource}
 * and, when configured, {@code metadata}.
 */
final class ResourcePayload {
  private ResourcePayload() {}

  static ObjectNode of(ResourceSource source, ResourceEventType type, JsonNode body, JsonNode oldBody) {
    ObjectNode data = Json.object();
    data.put("type", type.name());
    data.set("body", body);
    data.set("oldBody", oldBody == null ? Json.MAPPER.nullNode() : oldBody);
    data.put("group", source.group());
    data.put("version", source.version());
    data.put("resource", source.resource());
    if (!source.metadata().isEmpty()) {
      ObjectNode metadata = data.putObject("metadata");
      source.metadata().forEach(metadata::put);
    }
    return data;
  }
}
