package io.quargo.sensor.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trigger's condition state, stored as one KV value so every change is a single compare-and-set.
 *
 * @param saved dependencies that arrived and wait for the rest of the conditions (latest event wins)
 * @param savedAt when each saved dependency was saved, for {@code conditionsReset}
 * @param pending firings decided but whose effect is not yet recorded; replayed after a crash
 * @param recent ids of events already used in a firing, so a redelivered event is not counted again
 */
record TriggerState(Map<String, CloudEvent> saved, Map<String, Instant> savedAt, List<Firing> pending,
    List<String> recent) {
  /** How many used event ids are remembered (per trigger) against redelivery. */
  static final int RECENT_LIMIT = 512;
  static final TriggerState EMPTY = new TriggerState(Map.of(), Map.of(), List.of(), List.of());

  boolean seen(String eventKey) {
    return recent.contains(eventKey) || saved.values().stream().anyMatch(e -> eventKey(e).equals(eventKey))
        || pending.stream().anyMatch(f -> f.events().values().stream()
        .anyMatch(e -> eventKey(e).equals(eventKey)));
  }

  static String eventKey(CloudEvent e) {
    return e.source() + "/" + e.id();
  }

  byte[] toJson() {
    ObjectNode root = Json.object();
    ObjectNode s = root.putObject("saved");
    saved.forEach((dep, e) -> s.set(dep, event(e)));
    ObjectNode at = root.putObject("savedAt");
    savedAt.forEach((dep, t) -> at.put(dep, t.toString()));
    ArrayNode p = root.putArray("pending");
    for (Firing f : pending) {
      ObjectNode n = p.addObject().put("trigger", f.trigger()).put("executionKey", f.executionKey())
          .put("decidedAt", f.decidedAt().toString());
      ObjectNode events = n.putObject("events");
      f.events().forEach((dep, e) -> events.set(dep, event(e)));
    }
    ArrayNode r = root.putArray("recent");
    recent.forEach(r::add);
    return Json.bytes(root);
  }

  static TriggerState fromJson(byte[] bytes) {
    JsonNode root = Json.parse(bytes);
    Map<String, CloudEvent> saved = events(root.path("saved"));
    Map<String, Instant> savedAt = new LinkedHashMap<>();
    root.path("savedAt").fields().forEachRemaining(e -> savedAt.put(e.getKey(), Instant.parse(e.getValue().asText())));
    List<Firing> pending = new ArrayList<>();
    for (JsonNode n : root.path("pending")) {
      pending.add(new Firing(n.path("trigger").asText(), n.path("executionKey").asText(), events(n.path("events")),
          Instant.parse(n.path("decidedAt").asText())));
    }
    List<String> recent = new ArrayList<>();
    root.path("recent").forEach(n -> recent.add(n.asText()));
    return new TriggerState(saved, savedAt, pending, recent);
  }

  private static JsonNode event(CloudEvent e) {
    return CloudEventJson.toTree(e, CloudEventJson.DataEncoding.JSON);
  }

  private static Map<String, CloudEvent> events(JsonNode node) {
    Map<String, CloudEvent> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), CloudEventJson.decode(e.getValue())));
    return out;
  }
}
