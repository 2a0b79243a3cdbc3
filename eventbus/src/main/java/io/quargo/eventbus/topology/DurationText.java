package io.quargo.eventbus.topology;

import java.time.Duration;

/** Durations in messages the way operators write them in config: {@code 168h}, {@code 1h30m}, {@code 500ms}. */
final class DurationText {
  private DurationText() {}

  static String of(Duration d) {
    if (d == null) {
      return "unset";
    }
    if (d.isZero()) {
      return "0";
    }
    StringBuilder out = new StringBuilder();
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    int seconds = d.toSecondsPart();
    int millis = d.toMillisPart();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (millis > 0) {
      out.append(millis).append("ms");
    }
    return out.length() == 0 ? d.toNanos() + "ns" : out.toString();
  }
}
