package io.quargo.sensor.spec;

import java.time.Duration;

/**
 * Argo's {@code Backoff} as a trigger's {@code retryStrategy}: at most {@code steps} attempts; before retry
 * {@code n} (1-based) it waits {@code duration * factor^(n-1)}, plus up to {@code jitter} times that at random.
 *
 * @param steps attempts in all, at least 1 (Argo's default without a retryStrategy is one attempt)
 * @param duration the first wait
 * @param factor growth per retry; 0 or 1 keeps the wait constant
 * @param jitter extra random fraction of each wait, 0 for none
 */
public record Backoff(int steps, Duration duration, double factor, double jitter) {
  /** One attempt, no retry: Argo's behaviour when no {@code retryStrategy} is written. */
  public static final Backoff ONCE = new Backoff(1, Duration.ZERO, 1, 0);

  /**
   * The wait before retry {@code retry} (1 for the first retry).
   *
   * @param random a number in [0, 1), scaling the jitter
   */
  public Duration delayBefore(int retry, double random) {
    double base = duration.toNanos() * Math.pow(factor <= 0 ? 1 : factor, retry - 1);
    double withJitter = jitter > 0 ? base + random * jitter * base : base;
    return Duration.ofNanos(withJitter >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) withJitter);
  }
}
