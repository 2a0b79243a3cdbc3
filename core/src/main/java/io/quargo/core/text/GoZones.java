package io.quargo.core.text;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Go names a time's zone when printing it (the "MST" of a layout). */
public final class GoZones {
  private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("xx");

  private GoZones() {}

  /**
   * "UTC" for UTC, the region's abbreviation ("CEST") when it has one, else the offset digits
   * ("+0200") as Go prints zones without an abbreviation. The English locale matters: the root
   * locale's data (JDK 21+ CLDR) names most zones "GMT+02:00".
   */
  public static String name(ZonedDateTime t) {
    if (t.getZone().equals(ZoneOffset.UTC) || t.getZone().getId().equals("UTC")) {
      return "UTC";
    }
    String name = SHORT_NAME.format(t);
    if (t.getZone() instanceof ZoneOffset || name.startsWith("GMT") || name.contains("/")) {
      return DIGITS.format(t);
    }
    return name;
  }
}
