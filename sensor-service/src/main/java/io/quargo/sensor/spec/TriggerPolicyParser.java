package io.quargo.sensor.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.text.GoDuration;
import java.time.Duration;
import java.util.Map;

/** Reads a trigger's {@code retryStrategy} and {@code rateLimit}. */
final class TriggerPolicyParser {
  private static final Map<String, Duration> UNITS = Map.of("Second", Duration.ofSeconds(1),
      "Minute", Duration.ofMinutes(1), "Hour", Duration.ofHours(1));

  private TriggerPolicyParser() {}

  /** {@code retryStrategy}, or null when not written. */
  static Backoff retryStrategy(JsonNode trigger, String path) {
    JsonNode node = SpecReader.object(trigger, "retryStrategy", path);
    if (node == null) {
      return null;
    }
    String at = path + ".retryStrategy";
    JsonNode steps = node.get("steps");
    int n = 1;
    if (steps != null && !steps.isNull()) {
      if (!steps.isIntegralNumber() || steps.asInt() < 0) {
        throw new SensorSpecException(at + ".steps", "must be a whole number of attempts, got "
            + SpecReader.type(steps));
      }
      n = Math.max(1, steps.asInt());
    }
    return new Backoff(n, duration(node.get("duration"), at + ".duration"),
        amount(node.get("factor"), at + ".factor", 1), amount(node.get("jitter"), at + ".jitter", 0));
  }

  /** Argo's {@code Int64OrString}: a number of nanoseconds, or a Go duration such as "3s" or "1m30s". */
  private static Duration duration(JsonNode v, String path) {
    if (v == null || v.isNull()) {
      return Duration.ZERO;
    }
    if (v.isIntegralNumber() && v.asLong() >= 0) {
      return Duration.ofNanos(v.asLong());
    }
    if (v.isTextual()) {
      try {
        long nanos = GoDuration.parse(v.asText().trim());
        if (nanos >= 0) {
          return Duration.ofNanos(nanos);
        }
      } catch (IllegalArgumentException e) {
        // reported below with the expected form
      }
    }
    throw new SensorSpecException(path, "must be a duration such as \"3s\", \"500ms\" or \"1m\" (a bare number"
        + " is nanoseconds), got " + SpecReader.type(v));
  }

  /** Argo's {@code Amount}: a number, or a number written as a string ("1.5"). */
  private static double amount(JsonNode v, String path, double absent) {
    if (v == null || v.isNull()) {
      return absent;
    }
    if (v.isNumber() && v.asDouble() >= 0) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        double d = Double.parseDouble(v.asText().trim());
        if (d >= 0 && Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new SensorSpecException(path, "must be a non-negative number such as 2 or \"1.5\", got "
        + SpecReader.type(v));
  }

  /** {@code rateLimit}, or null when not written. */
  static RateLimit rateLimit(JsonNode trigger, String path) {
    JsonNode node = SpecReader.object(trigger, "rateLimit", path);
    if (node == null) {
      return null;
    }
    String at = path + ".rateLimit";
    String unitText = SpecReader.text(node, "unit", at);
    Duration unit = UNITS.get(unitText.isEmpty() ? "Second" : unitText);
    if (unit == null) {
      throw new SensorSpecException(at + ".unit", "must be Second, Minute or Hour, got '" + unitText + "'");
    }
    JsonNode rpu = node.get("requestsPerUnit");
    if (rpu == null || !rpu.isIntegralNumber() || rpu.asInt() < 1) {
      throw new SensorSpecException(at + ".requestsPerUnit", "must be a whole number of at least 1, got "
          + SpecReader.type(rpu));
    }
    return new RateLimit(unit, rpu.asInt());
  }
}
