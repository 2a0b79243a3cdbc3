package io.quargo.eventsource.nats;

import java.time.Duration;

/**
 * How a nats source retries an event our bus did not acknowledge: after {@code min}, doubling up to {@code max}.
 *
 * @param publishTimeout how long one publish may wait for the bus's acknowledgement
 * @param fetchBatch     JetStream messages fetched per pull
 */
public record RetryPolicy(Duration min, Duration max, Duration publishTimeout, int fetchBatch) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30), 64);

  Duration after(int failures) {
    Duration d = min.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
    return d.compareTo(max) > 0 ? max : d;
  }
}
