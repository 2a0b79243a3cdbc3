package io.quargo.sensor.conditions;

import io.quargo.core.event.CloudEvent;
import java.util.Map;

/**
 * A trigger whose conditions were met: the events that met them (by dependency name, sorted) and the execution
 * key every effect carries, so repeating the firing after a crash is recognised downstream.
 */
public record Firing(String trigger, String executionKey, Map<String, CloudEvent> events) {
  public Firing {
    events = Map.copyOf(new java.util.TreeMap<>(events));
  }
}
