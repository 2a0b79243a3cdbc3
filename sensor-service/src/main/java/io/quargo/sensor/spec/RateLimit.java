package io.quargo.sensor.spec;

import java.time.Duration;

/**
 * A trigger's {@code rateLimit}: at most {@code requestsPerUnit} executions per {@code unit} (Second, Minute or
 * Hour), spaced evenly as Argo's leaky bucket does.
 */
public record RateLimit(Duration unit, int requestsPerUnit) {
  /** The least time between two executions. */
  public Duration interval() {
    return unit.dividedBy(requestsPerUnit);
  }
}
