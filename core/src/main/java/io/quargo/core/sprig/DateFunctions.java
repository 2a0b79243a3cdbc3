package io.quargo.core.sprig;

import io.quargo.core.text.GoDuration;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** sprig's date functions; the clock is injected so tests are reproducible. */
final class DateFunctions {
  private DateFunctions() {}

  static void register(Registry r, Clock clock) {
    r.add("now", "", a -> new GoTime(ZonedDateTime.now(clock).withZoneSameInstant(GoTime.LOCAL)));
    r.add("date", "sa", a -> format((String) a[0], a[1], GoTime.LOCAL, clock));
    r.add("dateInZone", "sas", a -> format((String) a[0], a[1], zone((String) a[2]), clock));
    r.alias("date_in_zone", "dateInZone");
    r.add("htmlDate", "a", a -> format("2006-01-02", a[0], GoTime.LOCAL, clock));
    r.add("htmlDateInZone", "as", a -> format("2006-01-02", a[0], zone((String) a[1]), clock));
    r.add("toDate", "ss", a -> toDate((String) a[0], (String) a[1], false));
    r.add("mustToDate", "ss", a -> toDate((String) a[0], (String) a[1], true));
    r.add("unixEpoch", "t", a -> Long.toString(((GoTime) a[0]).unixSeconds()));
    r.add("dateModify", "st", a -> modify((String) a[0], (GoTime) a[1], false));
    r.alias("date_modify", "dateModify");
    r.add("mustDateModify", "st", a -> modify((String) a[0], (GoTime) a[1], true));
    r.add("duration", "a", a -> GoDuration.format(seconds(a[0]) * 1_000_000_000L));
    r.add("ago", "a", a -> ago(a[0], clock));
  }

  /** sprig accepts a time, or unix seconds as an int; anything else means now. */
  static GoTime time(Object v, Clock clock) {
    if (v instanceof GoTime t) return t;
    if (v instanceof Long l) return GoTime.unix(l);
    return new GoTime(ZonedDateTime.now(clock).withZoneSameInstant(GoTime.LOCAL));
  }

  private static String format(String layout, Object date, ZoneId zone, Clock clock) {
    return GoTimeLayout.format(time(date, clock).time().withZoneSameInstant(zone), layout);
  }

  /** An unknown zone falls back to UTC, as sprig does when LoadLocation fails. */
  private static ZoneId zone(String name) {
    ZoneId z = GoTimeLayout.zone(name);
    return z == null ? ZoneOffset.UTC : z;
  }

  private static Object toDate(String layout, String value, boolean must) {
    try {
      return new GoTime(GoTimeLayout.parse(layout, value, GoTime.LOCAL));
    } catch (GoTimeParser.SprigTimeError e) {
      if (must) throw new Fail(e.getMessage());
      return GoTime.ZERO;
    }
  }

  private static Object modify(String duration, GoTime t, boolean must) {
    long d;
    try {
      d = GoDuration.parse(duration);
    } catch (IllegalArgumentException e) {
      if (must) throw new Fail("time: invalid duration " + GoPrint.quote(duration));
      return t;
    }
    return new GoTime(t.time().plusNanos(d));
  }

  /** sprig's duration reads a string or an int64 of seconds; anything else is 0. */
  private static long seconds(Object v) {
    long s = 0;
    if (v instanceof String str) {
      Long parsed = GoNumbers.parseInt(str, 10);
      s = parsed == null ? 0 : parsed;
    } else if (v instanceof Long l) {
      s = l;
    }
    return Math.max(-9_223_372_036L, Math.min(9_223_372_036L, s));
  }

  private static String ago(Object v, Clock clock) {
    GoTime t = time(v, clock);
    java.time.Duration d = java.time.Duration.between(t.time().toInstant(), clock.instant());
    long secs = d.getSeconds() + (d.getNano() >= 500_000_000 ? 1 : 0);
    // time.Duration saturates at about 292 years
    return GoDuration.format(Math.max(-9_223_372_036L, Math.min(9_223_372_036L, secs)) * 1_000_000_000L);
  }
}
