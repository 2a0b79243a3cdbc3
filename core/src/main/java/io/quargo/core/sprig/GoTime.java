package io.quargo.core.sprig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A Go time.Time: an instant in a location; prints as Go's Time.String(). */
public record GoTime(ZonedDateTime time) {
  /** Go's time.Local; services run in UTC so templates are reproducible. */
  public static final ZoneId LOCAL = ZoneOffset.UTC;

  /** The zero time.Time, what a failed toDate yields. */
  public static final GoTime ZERO = new GoTime(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

  public static GoTime unix(long seconds) {
    return new GoTime(Instant.ofEpochSecond(seconds).atZone(LOCAL));
  }

  public long unixSeconds() {
    return time.toEpochSecond();
  }

  public GoTime in(ZoneId zone) {
    return new GoTime(time.withZoneSameInstant(zone));
  }

  @Override
  public String toString() {
    return GoTimeLayout.format(time, "2006-01-02 15:04:05.999999999 -0700 MST");
  }
}
