package io.quargo.sensor.runner;

import io.quargo.sensor.spec.RateLimit;
import java.time.Duration;

/**
 * A trigger's {@code rateLimit} as Argo applies it (a leaky bucket): executions are spaced at least
 * {@code unit / requestsPerUnit} apart; one that comes too early waits its turn. Counted per runner, i.e. per
 * replica of the Sensor.
 */
final class TriggerRateLimiter {
  private final Pacer pacer;
  private final long intervalNanos;
  private boolean started;
  private long last;

  TriggerRateLimiter(RateLimit limit, Pacer pacer) {
    this.pacer = pacer;
    this.intervalNanos = limit.interval().toNanos();
  }

  /**
   * Waits until the next execution may start, and books it.
   *
   * @return how long it waited
   */
  synchronized Duration take() throws InterruptedException {
    long now = pacer.nanoTime();
    if (!started) {
      started = true;
      last = now;
      return Duration.ZERO;
    }
    long next = last + intervalNanos;
    if (now - next >= 0) {
      last = now;
      return Duration.ZERO;
    }
    Duration wait = Duration.ofNanos(next - now);
    pacer.sleep(wait);
    last = next;
    return wait;
  }
}
