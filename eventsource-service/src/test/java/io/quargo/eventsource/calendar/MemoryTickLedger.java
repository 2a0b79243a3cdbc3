package io.quargo.eventsource.calendar;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TickLedger} in memory, forward-only like the KV one. */
final class MemoryTickLedger implements TickLedger {
  final Map<String, Instant> ticks = new ConcurrentHashMap<>();

  @Override
  public Optional<Instant> lastFired(String key) {
    return Optional.ofNullable(ticks.get(key));
  }

  @Override
  public void record(String key, Instant tick) {
    ticks.merge(key, tick, (a, b) -> a.isAfter(b) ? a : b);
  }
}
