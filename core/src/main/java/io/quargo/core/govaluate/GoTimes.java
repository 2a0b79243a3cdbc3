package io.quargo.core.govaluate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** govaluate turns quoted strings that look like dates into Unix seconds; this covers its common layouts (UTC). */
final class GoTimes {
  private static final List<DateTimeFormatter> LOCAL_LAYOUTS = List.of(
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"));

  private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

  private GoTimes() {}

  static Double tryParse(String s) {
    // Cheap pre-check: every layout starts with four digits and a dash.
    if (s.length() < 10 || s.length() > 40 || !DATE_PREFIX.matcher(s).matches()) {
      return null;
    }
    try {
      return (double) OffsetDateTime.parse(s).toEpochSecond();
    } catch (DateTimeParseException ignored) {
      // not RFC 3339; try the zone-less layouts
    }
    if (s.length() == 10) {
      try {
        return (double) LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    for (DateTimeFormatter layout : LOCAL_LAYOUTS) {
      try {
        return (double) LocalDateTime.parse(s, layout).toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        // next layout
      }
    }
    return null;
  }
}
