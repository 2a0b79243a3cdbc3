package io.quargo.eventsource.calendar;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A ledger that counts the calls that failed, to see a retry happen. */
final class CountingLedger implements TickLedger {
  final AtomicInteger failures = new AtomicInteger();
  private final TickLedger delegate;

  CountingLedger(TickLedger delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Instant> lastFired(String key) {
    try {
      return delegate.lastFired(key);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      throw e;
    }
  }

  @Override
  public void record(String key, Instant tick) {
    try {
      delegate.record(key, tick);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      throw e;
    }
  }
}
