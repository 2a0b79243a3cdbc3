package io.quargo.eventsource.calendar;

import java.time.Duration;

/**
 * How often a {@link CalendarAdapter} looks at its clock and how it retries.
 *
 * @param maxSleep       longest sleep between clock checks (so a moved clock is noticed)
 * @param retryMin       first retry delay after a failed publish; doubles up to {@code retryMax}
 * @param publishTimeout how long one publish may wait for the bus's acknowledgement
 */
public record CalendarTiming(Duration maxSleep, Duration retryMin, Duration retryMax, Duration publishTimeout) {
  public static final CalendarTiming DEFAULT =
      new CalendarTiming(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30));

  Duration retryAfter(int failures) {
    Duration d = retryMin.multipliedBy(1L << Math.min(failures - 1, 16));
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }
}
