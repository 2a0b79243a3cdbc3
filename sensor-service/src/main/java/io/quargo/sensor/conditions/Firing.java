package io.quargo.sensor.conditions;

import io.quargo.core.event.CloudEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A trigger whose conditions were met: the events that met them (by dependency name, sorted) and the execution
 * key every effect carries, so repeating the firing after a crash is recognised downstream.
 *
 * @param decidedAt when the conditions were met; a firing pending for long was left by a replica that died
 */
public record Firing(String trigger, String executionKey, Map<String, CloudEvent> events, Instant decidedAt) {
  public Firing {
    events = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(events));
  }

  /** Whether this firing used the given event. */
  public boolean uses(CloudEvent event) {
    return events.values().stream().anyMatch(e -> e.id().equals(event.id()) && e.source().equals(event.source()));
  }
}
