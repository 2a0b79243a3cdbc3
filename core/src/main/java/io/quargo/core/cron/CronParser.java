package io.quargo.core.cron;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a {@code schedule:} as robfig/cron v3 does: five fields (minute hour dom month dow) with {@code *},
 * {@code ?}, lists, ranges, steps and month/day names; an optional {@code CRON_TZ=<zone>} or {@code TZ=<zone>}
 * prefix; the descriptors {@code @yearly @annually @monthly @weekly @daily @midnight @hourly} and
 * {@code @every <Go duration>}. Errors are {@link IllegalArgumentException}s that say which part is wrong.
 */
public final class CronParser {
  private static final Map<String, String> DESCRIPTORS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
      Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
      Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> DAYS = Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
      "fri", 5, "sat", 6);

  private CronParser() {}

  public static Schedule parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    ZoneId zone = null;
    if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
      int space = s.indexOf(' ');
      String name = s.substring(s.indexOf('=') + 1, space < 0 ? s.length() : space);
      zone = zone(name);
      s = space < 0 ? "" : s.substring(space).trim();
    }
    if (s.startsWith("@every ")) {
      Duration d = Duration.ofNanos(io.quargo.core.text.GoDuration.parse(s.substring("@every ".length()).trim()));
      if (d.compareTo(Duration.ofSeconds(1)) < 0) {
        d = Duration.ofSeconds(1); // robfig rounds sub-second @every up to one second
      }
      return new IntervalSchedule(d.withNanos(0));
    }
    String expression = s;
    if (s.startsWith("@")) {
      expression = DESCRIPTORS.get(s.toLowerCase(Locale.ROOT));
      if (expression == null) {
        throw new IllegalArgumentException("unknown descriptor '" + s + "'; use @yearly, @annually, @monthly, "
            + "@weekly, @daily, @midnight, @hourly or @every <duration>");
      }
    }
    String[] f = expression.split("\\s+");
    if (f.length != 5 || expression.isEmpty()) {
      throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week), got "
          + (expression.isEmpty() ? 0 : f.length) + " in '" + spec + "'");
    }
    return new CronSchedule(spec.trim(), field(f[0], 0, 59, Map.of(), "minute"), field(f[1], 0, 23, Map.of(), "hour"),
        field(f[2], 1, 31, Map.of(), "day-of-month"), field(f[3], 1, 12, MONTHS, "month"),
        field(f[4], 0, 6, DAYS, "day-of-week"), zone);
  }

  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + name + "'; use an IANA name like America/New_York");
    }
  }

  /** One field: a comma list of {@code *}, {@code ?}, {@code a}, {@code a-b}, each optionally {@code /step}. */
  static long field(String text, int min, int max, Map<String, Integer> names, String what) {
    long bits = 0;
    for (String part : text.split(",", -1)) {
      bits |= range(part, min, max, names, what);
    }
    return bits;
  }

  private static long range(String part, int min, int max, Map<String, Integer> names, String what) {
    String[] rangeAndStep = part.split("/", -1);
    String[] lowHigh = rangeAndStep[0].split("-", -1);
    if (rangeAndStep.length > 2 || lowHigh.length > 2) {
      throw bad(part, what, "too many '/' or '-'");
    }
    int start;
    int end;
    long extra = 0;
    if (lowHigh[0].equals("*") || lowHigh[0].equals("?")) {
      start = min;
      end = max;
      extra = CronSchedule.STAR;
    } else {
      start = value(lowHigh[0], names, part, what);
      end = lowHigh.length == 2 ? value(lowHigh[1], names, part, what) : start;
    }
    int step = 1;
    if (rangeAndStep.length == 2) {
      step = number(rangeAndStep[1], part, what);
      if (lowHigh.length == 1 && extra == 0) {
        end = max; // "5/10" means from 5 to the maximum, as robfig reads it
      }
      if (step > 1) {
        extra = 0;
      }
    }
    if (start < min || end > max || start > end) {
      throw bad(part, what, "must lie within " + min + "-" + max + " with start <= end");
    }
    if (step < 1) {
      throw bad(part, what, "step must be a positive number");
    }
    long bits = 0;
    for (int v = start; v <= end; v += step) {
      bits |= 1L << v;
    }
    return bits | extra;
  }

  private static int value(String text, Map<String, Integer> names, String part, String what) {
    Integer named = names.get(text.toLowerCase(Locale.ROOT));
    return named != null ? named : number(text, part, what);
  }

  private static int number(String text, String part, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw bad(part, what, "'" + text + "' is not a number");
    }
  }

  private static IllegalArgumentException bad(String part, String what, String problem) {
    return new IllegalArgumentException(what + " field '" + part + "': " + problem);
  }
}
