package io.quargo.eventsource.calendar;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the last fired tick of each calendar event is kept, shared by every replica (Argo: a ConfigMap, and
 * only with catch-up on). {@link #record} only moves forward, with compare-and-set, so two replicas racing on a
 * tick leave the later tick stored.
 */
public interface TickLedger {
  /** The last tick fired for {@code key}, if any. */
  Optional<Instant> lastFired(String key);

  /** Stores {@code tick} unless a later or equal tick is already stored. */
  void record(String key, Instant tick);
}
