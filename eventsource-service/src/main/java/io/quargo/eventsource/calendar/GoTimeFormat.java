package io.quargo.eventsource.calendar;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Go's {@code time.Time.String()}, which Argo puts in a calendar event's {@code eventTime}:
 * {@code 2024-01-01 00:00:00 +0000 UTC}, {@code 2024-03-10 03:00:00 -0400 EDT}; fractional seconds only when
 * non-zero, without trailing zeros.
 */
public final class GoTimeFormat {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx", Locale.ROOT);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private GoTimeFormat() {}

  public static String format(ZonedDateTime t) {
    StringBuilder out = new StringBuilder(DATE_TIME.format(t));
    if (t.getNano() != 0) {
      String fraction = String.format(Locale.ROOT, "%09d", t.getNano()).replaceFirst("0+$", "");
      out.append('.').append(fraction);
    }
    out.append(' ').append(OFFSET.format(t)).append(' ').append(zoneName(t));
    return out.toString();
  }

  private static String zoneName(ZonedDateTime t) {
    if (t.getZone().equals(ZoneOffset.UTC) || t.getZone().getId().equals("Z")) {
      return "UTC";
    }
    return ZONE.format(t);
  }
}
