package io.quargo.sensor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.runner.SensorObserver;
import io.quargo.sensor.spec.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps {@code status.triggers[]} of a Sensor: per trigger (and DLQ trigger) {@code name}, {@code fired},
 * {@code failed} (failed attempts), {@code lastFiredAt}, {@code lastExecutionKey}, {@code lastError},
 * {@code lastErrorAt}. Outcomes are gathered in memory and written by {@link #flush} (the manager calls it every
 * few seconds and when the runner stops), compare-and-set, adding this writer's counts to what other replicas
 * wrote: one status write per interval however many events, not one per event.
 */
final class TriggerStatusWriter implements SensorObserver {
  private static final Logger LOG = Logger.getLogger(TriggerStatusWriter.class);

  private static final class Delta {
    long fired;
    long failed;
    Instant firedAt;
    String executionKey;
    Instant errorAt;
    String error;
  }

  private final ResourceStore store;
  private final String namespace;
  private final String name;
  private final Clock clock;
  private Map<String, Delta> pending = new LinkedHashMap<>();

  TriggerStatusWriter(ResourceStore store, String namespace, String name, Clock clock) {
    this.store = store;
    this.namespace = namespace;
    this.name = name;
    this.clock = clock;
  }

  @Override
  public synchronized void triggerFired(Trigger trigger, Firing firing, Duration latency) {
    Delta d = pending.computeIfAbsent(trigger.name(), k -> new Delta());
    d.fired++;
    d.firedAt = clock.instant();
    d.executionKey = firing.executionKey();
  }

  @Override
  public synchronized void triggerFailed(Trigger trigger, Firing firing, String error) {
    Delta d = pending.computeIfAbsent(trigger.name(), k -> new Delta());
    d.failed++;
    d.errorAt = clock.instant();
    d.error = error;
  }

  @Override
  public void flush() {
    Map<String, Delta> taken;
    synchronized (this) {
      if (pending.isEmpty()) {
        return;
      }
      taken = pending;
      pending = new LinkedHashMap<>();
    }
    try {
      SensorStatus.update(store, namespace, name, status -> merge(status, taken));
    } catch (ResourceStoreException e) {
      LOG.debugf("Sensor %s/%s: trigger status not written, kept for the next flush: %s", namespace, name,
          e.getMessage());
      synchronized (this) {
        taken.forEach((k, d) -> pending.merge(k, d, TriggerStatusWriter::sum));
      }
    }
  }

  private static Delta sum(Delta older, Delta newer) {
    newer.fired += older.fired;
    newer.failed += older.failed;
    if (newer.firedAt == null) {
      newer.firedAt = older.firedAt;
      newer.executionKey = older.executionKey;
    }
    if (newer.errorAt == null) {
      newer.errorAt = older.errorAt;
      newer.error = older.error;
    }
    return newer;
  }

  private static ObjectNode merge(ObjectNode status, Map<String, Delta> deltas) {
    ArrayNode triggers = status.get("triggers") instanceof ArrayNode a ? a : status.putArray("triggers");
    deltas.forEach((trigger, d) -> {
      ObjectNode entry = null;
      for (JsonNode t : triggers) {
        if (t.path("name").asText().equals(trigger) && t instanceof ObjectNode o) {
          entry = o;
        }
      }
      if (entry == null) {
        entry = triggers.addObject().put("name", trigger).put("fired", 0).put("failed", 0);
      }
      entry.put("fired", entry.path("fired").asLong() + d.fired);
      entry.put("failed", entry.path("failed").asLong() + d.failed);
      if (d.firedAt != null && isAfter(d.firedAt, entry.path("lastFiredAt").asText(""))) {
        entry.put("lastFiredAt", d.firedAt.toString()).put("lastExecutionKey", d.executionKey);
      }
      if (d.errorAt != null && isAfter(d.errorAt, entry.path("lastErrorAt").asText(""))) {
        entry.put("lastErrorAt", d.errorAt.toString()).put("lastError", d.error);
      }
    });
    return status;
  }

  /** Another replica may have written a later outcome already: keep the latest. */
  private static boolean isAfter(Instant t, String written) {
    try {
      return written.isEmpty() || t.isAfter(Instant.parse(written));
    } catch (java.time.format.DateTimeParseException e) {
      return true;
    }
  }
}
