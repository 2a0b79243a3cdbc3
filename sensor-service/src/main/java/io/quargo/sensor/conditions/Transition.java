package io.quargo.sensor.conditions;

import io.quargo.core.event.CloudEvent;
import io.quargo.sensor.spec.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure step from one trigger state and one accepted dependency event to the next state: drop dependencies a
 * reset has cleared, save the event (latest wins), and when the conditions hold, turn every saved event into a
 * pending firing and start over. Argo's {@code trigger_conn.go: processDependency}, minus the I/O.
 *
 * @param changed false when the event was already counted (a redelivery) and nothing needs writing
 */
record Transition(TriggerState next, Optional<Firing> fired, boolean changed) {

  static Transition apply(TriggerState state, String namespace, String sensor, Trigger trigger, String dependency,
      CloudEvent event, Instant now) {
    if (state.seen(TriggerState.eventKey(event))) {
      return new Transition(state, Optional.empty(), false);
    }
    Map<String, CloudEvent> saved = new LinkedHashMap<>(state.saved());
    Map<String, Instant> savedAt = new LinkedHashMap<>(state.savedAt());
    Optional<Instant> reset = ResetSchedule.lastReset(trigger.conditionsResets(), now);
    reset.ifPresent(r -> savedAt.entrySet().removeIf(e -> {
      boolean stale = e.getValue().isBefore(r);
      if (stale) {
        saved.remove(e.getKey());
      }
      return stale;
    }));
    CloudEvent before = saved.get(dependency);
    if (before != null && before.time() != null && event.time() != null && event.time().isBefore(before.time())) {
      // latest wins by event time, not by arrival: replicas and concurrent handlers may see events out of order
      return new Transition(state, Optional.empty(), false);
    }
    saved.put(dependency, event);
    savedAt.put(dependency, now);
    if (!trigger.conditions().satisfied(saved.keySet())) {
      return new Transition(new TriggerState(saved, savedAt, state.pending(), state.recent()), Optional.empty(),
          true);
    }
    Firing firing = new Firing(trigger.name(), ExecutionKey.of(namespace, sensor, trigger.name(), saved), saved,
        now);
    List<Firing> pending = new ArrayList<>(state.pending());
    pending.add(firing);
    List<String> recent = new ArrayList<>(state.recent());
    saved.values().forEach(e -> recent.add(TriggerState.eventKey(e)));
    List<String> kept = recent.subList(Math.max(0, recent.size() - TriggerState.RECENT_LIMIT), recent.size());
    return new Transition(new TriggerState(Map.of(), Map.of(), pending, List.copyOf(kept)), Optional.of(firing),
        true);
  }

  /** The state once a firing's effect is recorded: it is no longer pending. */
  static TriggerState completed(TriggerState state, String executionKey) {
    List<Firing> pending = new ArrayList<>(state.pending());
    pending.removeIf(f -> f.executionKey().equals(executionKey));
    return new TriggerState(state.saved(), state.savedAt(), pending, state.recent());
  }
}
