package io.quargo.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Timestamps as Go writes them with {@code time.RFC3339Nano} in UTC (what the CloudEvents Go SDK puts in
 * {@code time}): trailing zeros of the fraction dropped, no fraction at all on a whole second, {@code Z}.
 */
public final class Rfc3339 {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .appendOffset("+HH:MM", "Z")
      .toFormatter();

  private Rfc3339() {}

  /** E.g. {@code 2024-05-01T10:15:30.1234Z}, {@code 2024-05-01T10:15:30Z}. */
  public static String format(Instant instant) {
    StringBuilder out = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append('Z').toString();
  }

  /** Any RFC 3339 date-time (any offset, 0 to 9 fraction digits). */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text, PARSER).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 timestamp"
          + " (e.g. 2024-05-01T10:15:30.123456789Z): " + e.getMessage(), e);
    }
  }
}
