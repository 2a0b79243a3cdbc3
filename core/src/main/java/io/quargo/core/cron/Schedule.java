package io.quargo.core.cron;

import java.time.ZonedDateTime;

/** robfig/cron's {@code Schedule}: the first activation strictly after {@code t}, or null when there is none. */
public interface Schedule {
  ZonedDateTime next(ZonedDateTime t);
}
