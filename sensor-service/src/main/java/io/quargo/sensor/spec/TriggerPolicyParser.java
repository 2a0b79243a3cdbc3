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
    return node == null ? null : backoff(node, path + ".retryStrategy");
  }

  /**
   * {@code policy.k8s}, or null when it is not written or names no labels (Argo then waits for nothing). Argo
   * reads it beside {@code template}; upstream's own trigger-with-policy example writes it inside
   * {@code template}, where Argo drops it silently: it is honoured there too, the trigger-level one winning.
   */
  static K8sPolicy k8s(JsonNode trigger, String path) {
    JsonNode template = trigger.path("template");
    String at = path + ".policy.k8s";
    JsonNode node = trigger.path("policy").path("k8s");
    if (!node.isObject()) {
      at = path + ".template.policy.k8s";
      node = template.path("policy").path("k8s");
    }
    if (!node.isObject()) {
      return null;
    }
    java.util.Map<String, String> labels = new java.util.TreeMap<>();
    JsonNode given = node.path("labels");
    if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
      throw new SensorSpecException(at + ".labels", "must be a map of label: value, got " + SpecReader.type(given));
    }
    String labelsAt = at + ".labels";
    given.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new SensorSpecException(labelsAt + "." + e.getKey(), "must be a label value (text), got "
            + SpecReader.type(e.getValue()));
      }
      labels.put(e.getKey(), e.getValue().asText());
    });
    if (labels.isEmpty()) {
      return null;
    }
    JsonNode backoff = SpecReader.object(node, "backoff", at);
    return new K8sPolicy(labels, backoff == null ? K8sPolicy.DEFAULT_BACKOFF : backoff(backoff, at + ".backoff"),
        SpecReader.bool(node, "errorOnBackoffTimeout", at));
  }

  private static Backoff backoff(JsonNode node, String at) {
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
