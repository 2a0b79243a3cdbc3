package io.quargo.core.expr;

import static io.quargo.core.expr.Builtins.add;
import static io.quargo.core.expr.Builtins.str;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/** now(), duration(), date() and the Go methods expressions call on times and durations. */
final class TimeFunctions {
  private static final String[] DEFAULT_LAYOUTS = {
    "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02", "15:04:05", "2006-01-02 15:04:05",
    "Mon, 02 Jan 2006 15:04:05 MST", "02 Jan 06 15:04 MST", "Monday, 02-Jan-06 15:04:05 MST",
  };

  private TimeFunctions() {}

  static void register(Map<String, Builtin> t) {
    add(t, Builtin.of("now", 0, 0, (c, a) -> ZonedDateTime.now(c.options.clock())));
    add(t, Builtin.of("duration", 1, 1, (c, a) -> GoDuration.parse(str(a, 0, "duration"))));
    add(t, Builtin.of("date", 1, 3, (c, a) -> date(a)));
  }

  private static Object date(Object[] a) {
    String s = str(a, 0, "date");
    ZoneId zone = ZoneOffset.UTC;
    if (a.length > 2) {
      try {
        zone = ZoneId.of(str(a, 2, "date"));
      } catch (DateTimeException e) {
        throw new EvalFailure("unknown time zone " + a[2]);
      }
    }
    if (a.length > 1) {
      ZonedDateTime t = parse(s, str(a, 1, "date"), zone);
      if (t == null) {
        throw new EvalFailure("parsing time \"" + s + "\" as \"" + a[1] + "\": cannot parse");
      }
      return t;
    }
    try {
      // RFC 3339 with any number of fraction digits, the form Kubernetes and Argo timestamps take.
      return ZonedDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      // fall through to Go's other default layouts
    }
    for (String layout : DEFAULT_LAYOUTS) {
      ZonedDateTime t = parse(s, layout, zone);
      if (t != null) {
        return t;
      }
    }
    throw new EvalFailure("invalid date " + s);
  }

  private static ZonedDateTime parse(String s, String layout, ZoneId zone) {
    DateTimeFormatter f = GoLayout.formatter(layout);
    try {
      TemporalAccessor ta = f.parse(s);
      LocalDate d = ta.query(java.time.temporal.TemporalQueries.localDate());
      LocalTime time = ta.query(java.time.temporal.TemporalQueries.localTime());
      ZoneId z = ta.query(java.time.temporal.TemporalQueries.zone());
      LocalDateTime ldt = LocalDateTime.of(d == null ? LocalDate.of(0, 1, 1) : d, time == null ? LocalTime.MIDNIGHT : time);
      return ZonedDateTime.of(ldt, z == null ? zone : z);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Methods on time.Time and time.Duration values, named as in Go. */
  static Object method(Object target, String name, Object[] args) {
    if (target instanceof ZonedDateTime t) {
      return timeMethod(t, name, args);
    }
    if (target instanceof Duration d && args.length == 0) {
      return durationMethod(d, name);
    }
    throw new EvalFailure("cannot call " + name + " on " + Values.typeName(target));
  }

  private static Object durationMethod(Duration d, String name) {
    double nanos = d.toNanos();
    switch (name) {
      case "Hours": return nanos / 3.6e12;
      case "Minutes": return nanos / 6e10;
      case "Seconds": return nanos / 1e9;
      case "Milliseconds": return d.toMillis();
      case "Microseconds": return d.toNanos() / 1000;
      case "Nanoseconds": return d.toNanos();
      case "String": return GoDuration.format(d);
      default: throw new EvalFailure("unknown method " + name + " of time.Duration");
    }
  }

  private static Object timeMethod(ZonedDateTime t, String name, Object[] a) {
    switch (name) {
      case "Year": return (long) t.getYear();
      case "Month": return (long) t.getMonthValue();
      case "Day": return (long) t.getDayOfMonth();
      case "Hour": return (long) t.getHour();
      case "Minute": return (long) t.getMinute();
      case "Second": return (long) t.getSecond();
      case "Nanosecond": return (long) t.getNano();
      case "YearDay": return (long) t.getDayOfYear();
      case "Weekday": return (long) (t.getDayOfWeek().getValue() % 7);
      case "Unix": return t.toEpochSecond();
      case "UnixMilli": return t.toInstant().toEpochMilli();
      case "UTC": return t.withZoneSameInstant(ZoneOffset.UTC);
      case "String": return GoFormat.time(t);
      case "Format": return a.length == 1 ? t.format(GoLayout.formatter(str(a, 0, "Format"))) : badArgs(name);
      case "Before": return t.toInstant().isBefore(other(a, name).toInstant());
      case "After": return t.toInstant().isAfter(other(a, name).toInstant());
      case "Equal": return t.toInstant().equals(other(a, name).toInstant());
      case "Sub": return Duration.between(other(a, name), t);
      case "Add": return a.length == 1 && a[0] instanceof Duration d ? t.plus(d) : badArgs(name);
      default: throw new EvalFailure("unknown method " + name + " of time.Time");
    }
  }

  private static ZonedDateTime other(Object[] a, String name) {
    if (a.length == 1 && a[0] instanceof ZonedDateTime o) {
      return o;
    }
    throw new EvalFailure("invalid arguments for " + name + " (expected time.Time)");
  }

  private static Object badArgs(String name) {
    throw new EvalFailure("invalid arguments for " + name);
  }
}
