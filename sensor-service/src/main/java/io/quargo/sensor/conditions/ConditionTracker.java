package io.quargo.sensor.conditions;

import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.kv.CasConflictException;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvEntry;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The conditions of one Sensor's triggers, with their state in a NATS KV bucket: one key per trigger, every change
 * a compare-and-set, so any number of replicas can feed the same Sensor. Exactly one replica's write turns a
 * set of events into a firing; a lost race re-reads and re-applies, so no dependency is dropped.
 *
 * <p>A firing stays pending in the state until {@link #complete} records that its effect happened; after a crash,
 * {@link #pending} hands it out again with the same execution key.
 */
public final class ConditionTracker {
  private static final int MAX_ATTEMPTS = 1000;

  private final KvBucket bucket;
  private final Sensor sensor;
  private final Clock clock;
  private final Map<String, Boolean> firesAlone = new ConcurrentHashMap<>();

  public ConditionTracker(KvBucket bucket, Sensor sensor, Clock clock) {
    this.bucket = bucket;
    this.sensor = sensor;
    this.clock = clock;
  }

  /**
   * Counts an accepted event of {@code dependency} for {@code trigger}; returns the firing when this event
   * completed the conditions. Repeating the call with the same event changes nothing.
   */
  public Optional<Firing> onDependency(Trigger trigger, String dependency, CloudEvent event) {
    if (!trigger.conditions().dependencies().contains(dependency)) {
      return Optional.empty();
    }
    if (firesAlone(trigger)) {
      Map<String, CloudEvent> events = Map.of(dependency, event);
      return Optional.of(new Firing(trigger.name(),
          ExecutionKey.of(sensor.namespace(), sensor.name(), trigger.name(), events), events, clock.instant()));
    }
    Optional<Firing>[] fired = new Optional[] {Optional.empty()};
    update(trigger, state -> {
      Transition t = Transition.apply(state, sensor.namespace(), sensor.name(), trigger, dependency, event,
          clock.instant());
      fired[0] = t.fired();
      return t.changed() ? t.next() : null;
    });
    return fired[0];
  }

  /**
   * True when each of the trigger's dependencies satisfies its conditions alone ({@code a}, {@code a || b}):
   * nothing is ever saved, so an event's firing needs no shared state. The event's own unacknowledged message is
   * what survives a crash: it is redelivered and fires again under the same execution key.
   */
  public boolean firesAlone(Trigger trigger) {
    return firesAlone.computeIfAbsent(trigger.name(), n -> trigger.conditions().dependencies().stream()
        .allMatch(d -> trigger.conditions().satisfied(Set.of(d))));
  }

  /** Records that a firing's effect happened: it will not be handed out again. */
  public void complete(Trigger trigger, Firing firing) {
    if (firesAlone(trigger)) {
      return;
    }
    update(trigger, state -> state.pending().stream().anyMatch(f -> f.executionKey().equals(firing.executionKey()))
        ? Transition.completed(state, firing.executionKey()) : null);
  }

  /** Firings decided but not completed, oldest first (e.g. left by a replica that crashed). */
  public List<Firing> pending(Trigger trigger) {
    return read(trigger).map(e -> TriggerState.fromJson(e.value()).pending()).orElse(List.of());
  }

  /** Dependencies saved for the trigger, waiting for the rest of its conditions. */
  public java.util.Set<String> saved(Trigger trigger) {
    return read(trigger).map(e -> TriggerState.fromJson(e.value()).saved().keySet()).orElse(java.util.Set.of());
  }

  /** Read, change, compare-and-set; on a lost race read again. {@code change} returns null for "no write". */
  private void update(Trigger trigger, UnaryOperator<TriggerState> change) {
    String key = key(trigger);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<KvEntry> entry = bucket.get(key);
      TriggerState state = entry.map(e -> TriggerState.fromJson(e.value())).orElse(TriggerState.EMPTY);
      TriggerState next = change.apply(state);
      if (next == null) {
        return;
      }
      try {
        if (entry.isPresent()) {
          bucket.update(key, next.toJson(), entry.get().revision());
        } else {
          bucket.create(key, next.toJson());
        }
        return;
      } catch (CasConflictException lost) {
        // another replica wrote first: start over from its state
      }
    }
    throw new IllegalStateException("trigger '" + trigger.name() + "' of Sensor " + sensor.namespace() + "/"
        + sensor.name() + ": state key " + key + " kept changing under " + MAX_ATTEMPTS + " attempts");
  }

  private Optional<KvEntry> read(Trigger trigger) {
    return bucket.get(key(trigger));
  }

  /** {@code <namespace>.<sensor>.<trigger>}, the trigger name base64url-encoded since it may hold any character. */
  String key(Trigger trigger) {
    String t = Base64.getUrlEncoder().withoutPadding().encodeToString(trigger.name().getBytes(StandardCharsets.UTF_8));
    return sensor.namespace() + "." + sensor.name() + "." + t;
  }
}
