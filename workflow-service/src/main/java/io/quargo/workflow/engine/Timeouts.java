package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.text.GoDuration;
import java.time.Duration;

/** Durations as Argo writes them: Go durations ({@code 30s}, {@code 1h5m}) or a bare number of seconds. */
final class Timeouts {
  private Timeouts() {}

  static Duration parse(String text, String field) {
    String t = text.trim();
    try {
      if (t.matches("-?\\d+")) {
        return Duration.ofSeconds(Long.parseLong(t));
      }
      return Duration.ofNanos(GoDuration.parse(t));
    } catch (RuntimeException e) {
      throw new EngineException(field + " '" + text + "' is not a duration; write e.g. 30s, 5m or 1h");
    }
  }

  /**
   * A template's {@code timeout} (which counts from the pod's creation) becomes the pod's
   * {@code activeDeadlineSeconds}, as Argo does; the smaller of the two wins.
   */
  static void applyTemplateTimeout(ObjectNode tmpl) {
    if (!tmpl.hasNonNull("timeout") || tmpl.get("timeout").asText().isEmpty()) {
      return;
    }
    long seconds = Math.max(1, parse(tmpl.get("timeout").asText(), "timeout").toSeconds());
    if (tmpl.has("activeDeadlineSeconds")) {
      seconds = Math.min(seconds, tmpl.get("activeDeadlineSeconds").asLong(seconds));
    }
    tmpl.put("activeDeadlineSeconds", seconds);
  }
}
