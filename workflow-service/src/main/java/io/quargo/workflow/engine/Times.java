package io.quargo.workflow.engine;

import io.quargo.core.event.Rfc3339;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Kubernetes writes {@code metav1.Time} with whole seconds. */
final class Times {
  private Times() {}

  static String k8s(Instant instant) {
    return Rfc3339.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Go's {@code time.Duration.String()}, e.g. {@code 1m30s}. */
  static String humanize(Duration d) {
    return io.quargo.core.text.GoDuration.format(d.toNanos());
  }
}
