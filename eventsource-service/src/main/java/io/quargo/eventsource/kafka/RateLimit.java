package io.quargo.eventsource.kafka;

/** {@code limitEventsPerSecond}: spaces events evenly, at most that many per second; 0 for no limit. */
final class RateLimit {
  private final long intervalNanos;
  private long next;

  RateLimit(long perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
  }

  void acquire() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    if (next > now) {
      long wait = next - now;
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      now = next;
    }
    next = now + intervalNanos;
  }
}
