package io.quargo.eventsource.amqp;

import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.text.GoDuration;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Argo's {@code connectionBackoff} ({@code Backoff}: {@code duration}, {@code steps}, {@code factor},
 * {@code jitter}): how often and how patiently a source tries to connect at start. Absent, Argo's
 * {@code DefaultBackoff} applies: 5 steps of 1s, factor 1, jitter 1.
 *
 * @param duration the first wait
 * @param steps    attempts in all
 */
public record ConnectionBackoff(Duration duration, int steps, double factor, double jitter) {
  public static final ConnectionBackoff DEFAULT = new ConnectionBackoff(Duration.ofSeconds(1), 5, 1.0, 1.0);

  /** Reads {@code <path>.connectionBackoff}; duration is a Go duration ("10s") or nanoseconds. */
  public static ConnectionBackoff parse(JsonNode spec, String path) {
    JsonNode value = spec.get("connectionBackoff");
    if (value == null || value.isNull()) {
      return DEFAULT;
    }
    String at = path + ".connectionBackoff";
    if (!value.isObject()) {
      throw new EventSourceSpecException(at, "must be an object with duration, steps, factor and jitter, got "
          + SpecFields.type(value));
    }
    Duration duration = duration(value.get("duration"), at + ".duration");
    int steps = (int) SpecFields.integer(value, "steps", at, DEFAULT.steps, 1, 1000);
    double factor = amount(value.get("factor"), at + ".factor", DEFAULT.factor);
    double jitter = amount(value.get("jitter"), at + ".jitter", DEFAULT.jitter);
    return new ConnectionBackoff(duration, steps, factor, jitter);
  }

  /** The wait after failed attempt {@code attempt} (0-based): duration * factor^attempt, plus up to jitter of it. */
  public Duration delay(int attempt) {
    double base = duration.toMillis() * Math.pow(factor <= 0 ? 1 : factor, attempt);
    double spread = jitter > 0 ? base * jitter * ThreadLocalRandom.current().nextDouble() : 0;
    return Duration.ofMillis((long) Math.min(base + spread, Duration.ofMinutes(5).toMillis()));
  }

  private static Duration duration(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return DEFAULT.duration;
    }
    if (value.isIntegralNumber() && value.asLong() >= 0) {
      return Duration.ofNanos(value.asLong());
    }
    if (value.isTextual()) {
      try {
        long nanos = GoDuration.parse(value.asText().trim());
        if (nanos >= 0) {
          return Duration.ofNanos(nanos);
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new EventSourceSpecException(path, "must be a duration like \"10s\" or a number of nanoseconds, got "
        + SpecFields.describe(value));
  }

  /** Argo's {@code Amount}: a decimal written as a number or a string ("0.2"). */
  private static double amount(JsonNode value, String path, double fallback) {
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (value.isNumber() && value.asDouble() >= 0) {
      return value.asDouble();
    }
    if (value.isTextual()) {
      try {
        double parsed = Double.parseDouble(value.asText().trim());
        if (parsed >= 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new EventSourceSpecException(path, "must be a non-negative decimal like 0.2, got " + SpecFields.describe(value));
  }
}
