package io.quargo.sensor.filter;

import io.quargo.sensor.spec.TimeFilter;
import java.time.Instant;
import java.time.LocalTime;

/** {@code filters.time}: [start, stop) on the event time's clock in the filter's zone; stop before start wraps. */
final class TimeWindow {
  private TimeWindow() {}

  static GroupResult apply(TimeFilter f, Instant eventTime, String where) {
    if (eventTime == null) {
      return GroupResult.fail(where + ": the event has no time to compare with");
    }
    LocalTime t = eventTime.atZone(f.zone()).toLocalTime();
    boolean inside = f.start().isAfter(f.stop())
        ? !t.isBefore(f.start()) || t.isBefore(f.stop())
        : !t.isBefore(f.start()) && t.isBefore(f.stop());
    return inside ? GroupResult.PASS : GroupResult.fail(where + ": event time " + t + " (" + f.zone()
        + ") is outside [" + f.start() + ", " + f.stop() + ")");
  }
}
