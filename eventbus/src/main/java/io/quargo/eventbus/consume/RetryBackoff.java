package io.quargo.eventbus.consume;

import java.time.Duration;

/**
 * Delay before redelivering a message whose handler threw: {@code initial * factor^(deliveryCount-1)},
 * capped at {@code max}. Derived from the delivery count, so it holds across replicas and restarts.
 */
public record RetryBackoff(Duration initial, double factor, Duration max) {
  public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5));

  public RetryBackoff {
    if (initial.isNegative() || max.compareTo(initial) < 0 || factor < 1.0) {
      throw new IllegalArgumentException(
          "retry backoff needs 0 <= initial <= max and factor >= 1; got " + initial + ", " + factor + ", " + max);
    }
  }

  /** A fixed delay, e.g. for tests. */
  public static RetryBackoff fixed(Duration delay) {
    return new RetryBackoff(delay, 1.0, delay);
  }

  /** The delay after the {@code deliveryCount}-th delivery failed (1 = the first delivery). */
  public Duration delayAfter(long deliveryCount) {
    double exponent = Math.max(0, deliveryCount - 1);
    double millis = initial.toMillis() * Math.pow(factor, exponent);
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }
}
