package io.quargo.sensor.runner;

import io.quargo.sensor.spec.RateLimit;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A trigger's {@code rateLimit} as Argo applies it (a leaky bucket): executions are spaced at least
 * {@code unit / requestsPerUnit} apart; one that comes too early waits its turn. The bookings are kept in a
 * {@link RateLedger}: in KV when the runner runs, so every replica of the Sensor counts against one limit.
 */
final class TriggerRateLimiter {
  private final Pacer pacer;
  private final LongSupplier nowNanos;
  private final RateLedger ledger;
  private final String key;
  private final long intervalNanos;

  /**
   * @param nowNanos the time bookings are made in: monotonic for a local ledger, wall-clock (epoch nanos) for
   *     one shared between processes
   */
  TriggerRateLimiter(RateLimit limit, Pacer pacer, LongSupplier nowNanos, RateLedger ledger, String key) {
    this.pacer = pacer;
    this.nowNanos = nowNanos;
    this.ledger = ledger;
    this.key = key;
    this.intervalNanos = limit.interval().toNanos();
  }

  /** Per process, on the pacer's clock. */
  TriggerRateLimiter(RateLimit limit, Pacer pacer) {
    this(limit, pacer, pacer::nanoTime, RateLedger.local(), "trigger");
  }

  /**
   * Waits until the booked execution may start.
   *
   * @return how long it waited
   */
  Duration take() throws InterruptedException {
    long now = nowNanos.getAsLong();
    long slot = ledger.book(key, now, intervalNanos);
    if (slot - now <= 0) {
      return Duration.ZERO;
    }
    Duration wait = Duration.ofNanos(slot - now);
    pacer.sleep(wait);
    return wait;
  }
}
