package io.quargo.core.cron;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * robfig/cron's {@code ConstantDelaySchedule} ({@code interval:} and {@code @every}): the next activation is the
 * given time, truncated to the second, plus the delay. Sub-second delays are refused by the parser.
 */
public record IntervalSchedule(Duration delay) implements Schedule {
  @Override
  public ZonedDateTime next(ZonedDateTime t) {
    return t.truncatedTo(ChronoUnit.SECONDS).plus(delay);
  }

  @Override
  public String toString() {
    return "every " + delay;
  }
}
