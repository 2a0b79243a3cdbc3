package io.quargo.eventsource.nats;

import java.time.Duration;

/**
 * Argo's {@code Backoff} ({@code connectionBackoff}): {@code steps} attempts, the first wait {@code duration},
 * each next wait multiplied by {@code factor}, plus up to {@code jitter} of it at random. Argo's default is
 * 5 steps of 1s, factor 1, jitter 1.
 */
public record ConnectionBackoff(Duration duration, int steps, double factor, double jitter) {
  public static final ConnectionBackoff DEFAULT = new ConnectionBackoff(Duration.ofSeconds(1), 5, 1.0, 1.0);

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration waitAfter(int attempt) {
    double base = duration.toMillis() * Math.pow(factor <= 0 ? 1.0 : factor, attempt - 1);
    double jittered = base + (jitter > 0 ? Math.random() * jitter * base : 0);
    return Duration.ofMillis((long) Math.min(jittered, Duration.ofMinutes(10).toMillis()));
  }
}
