package io.quargo.eventsource.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code exclusionDates}: iCalendar {@code EXDATE:20190102T150405Z} lines (a comma list may follow the prefix).
 * As Argo, only year, month and day count: a tick on an excluded day, in the schedule's zone, does not fire.
 */
public record ExclusionDates(Set<LocalDate> days) {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  public static final ExclusionDates NONE = new ExclusionDates(Set.of());

  /** Parses every line; an {@link IllegalArgumentException} names the entry at fault by index. */
  public static ExclusionDates parse(List<String> lines) {
    Set<LocalDate> days = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i) == null ? "" : lines.get(i).trim();
      if (!line.startsWith("EXDATE")) {
        throw new IllegalArgumentException("[" + i + "]: '" + line + "' must start with EXDATE:, e.g. "
            + "EXDATE:20190102T150405Z");
      }
      String values = line.substring(line.indexOf(':') + 1);
      for (String value : values.split(",")) {
        days.add(day(value.trim(), i));
      }
    }
    return new ExclusionDates(Set.copyOf(days));
  }

  private static LocalDate day(String value, int index) {
    String v = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
    try {
      return v.length() == 8 ? LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(v, BASIC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("[" + index + "]: '" + value + "' is not a date like 20190102T150405Z");
    }
  }

  public boolean excludes(ZonedDateTime tick) {
    return days.contains(tick.toLocalDate());
  }

  @Override
  public String toString() {
    return new ArrayList<>(days).toString();
  }
}
