package io.quargo.core.cron;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A robfig/cron {@code SpecSchedule} over five fields (minute hour day-of-month month day-of-week, seconds
 * always 0), with robfig's rule that day-of-month and day-of-week are OR-ed unless one of them is {@code *}.
 * {@link #next} is robfig's walk field by field, including its DST handling: a time skipped by a spring-forward
 * gap does not fire that day. Unlike robfig (which fires twice), a fixed-hour time repeated by a fall-back fires
 * once, at its first occurrence; hour {@code *} schedules keep firing through the repeated hour.
 *
 * @param zone the {@code CRON_TZ=}/{@code TZ=} zone of the expression, or null to use the zone of the given time
 */
public record CronSchedule(String expression, long minutes, long hours, long dom, long months, long dow,
    ZoneId zone) implements Schedule {
  static final long STAR = 1L << 63;

  @Override
  public ZonedDateTime next(ZonedDateTime from) {
    ZoneId loc = zone == null ? from.getZone() : zone;
    ZonedDateTime t = from.withZoneSameInstant(loc).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    boolean added = false;
    int yearLimit = t.getYear() + 5;
    wrap:
    while (t.getYear() <= yearLimit) {
      while (!has(months, t.getMonthValue())) {
        if (!added) {
          added = true;
          t = ZonedDateTime.of(t.getYear(), t.getMonthValue(), 1, 0, 0, 0, 0, loc);
        }
        t = t.plusMonths(1);
        if (t.getMonthValue() == 1) {
          continue wrap;
        }
      }
      while (!dayMatches(t)) {
        if (!added) {
          added = true;
          t = t.toLocalDate().atStartOfDay(loc);
        }
        t = midnight(t.plusDays(1));
        if (t.getDayOfMonth() == 1) {
          continue wrap;
        }
      }
      while (!has(hours, t.getHour())) {
        if (!added) {
          added = true;
          t = t.truncatedTo(ChronoUnit.HOURS);
        }
        t = t.plusHours(1);
        if (t.getHour() == 0) {
          continue wrap;
        }
      }
      while (!has(minutes, t.getMinute())) {
        if (!added) {
          added = true;
          t = t.truncatedTo(ChronoUnit.MINUTES);
        }
        t = t.plusMinutes(1);
        if (t.getMinute() == 0) {
          continue wrap;
        }
      }
      if (t.getSecond() != 0) {
        // seconds are always 0: go to the next minute and check again
        t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        added = true;
        continue;
      }
      return found(t, from);
    }
    return null;
  }

  /** Ours, not robfig's: a fixed-hour time repeated by a fall-back fires once (as Vixie cron), not twice. */
  private ZonedDateTime found(ZonedDateTime t, ZonedDateTime from) {
    if ((hours & STAR) == 0 && !t.withEarlierOffsetAtOverlap().equals(t)) {
      ZonedDateTime later = next(t);
      return later == null ? null : later.withZoneSameInstant(from.getZone());
    }
    return t.withZoneSameInstant(from.getZone());
  }

  /** robfig: after adding a day, a DST shift may leave the hour off midnight; move back onto it. */
  private static ZonedDateTime midnight(ZonedDateTime t) {
    if (t.getHour() == 0) {
      return t;
    }
    return t.getHour() > 12 ? t.plusHours(24L - t.getHour()) : t.minusHours(t.getHour());
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean domMatch = has(dom, t.getDayOfMonth());
    boolean dowMatch = has(dow, t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
    if ((dom & STAR) != 0 || (dow & STAR) != 0) {
      return domMatch && dowMatch;
    }
    return domMatch || dowMatch;
  }

  private static boolean has(long bits, int value) {
    return (bits & (1L << value)) != 0;
  }

  @Override
  public String toString() {
    return expression;
  }
}
