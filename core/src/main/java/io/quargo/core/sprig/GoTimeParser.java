package io.quargo.core.sprig;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Reads a value against a Go layout, one element at a time, as time.Parse does. */
final class GoTimeParser {
  private final String layout;
  private final String value;
  private final ZoneId loc;
  private String rest;
  private int year = 1;
  private int month = 1;
  private int day = 1;
  private int hour;
  private int minute;
  private int second;
  private int nanos;
  private boolean pm;
  private boolean pmSet;
  private ZoneOffset offset;

  GoTimeParser(String layout, String value, ZoneId loc) {
    this.layout = layout;
    this.value = value;
    this.loc = loc;
    this.rest = value;
  }

  ZonedDateTime parse() {
    for (GoTimeLayout.Chunk c : GoTimeLayout.chunks(layout)) {
      if (c.literal() != null) {
        if (!rest.startsWith(c.literal())) throw cannot(rest, c.literal());
        rest = rest.substring(c.literal().length());
      } else {
        element(c.std());
        if (c.std().equals("05") || c.std().equals("5")) optionalFraction();
      }
    }
    if (!rest.isEmpty()) throw error(": extra text: " + GoPrint.quote(rest));
    if (pmSet && pm && hour < 12) hour += 12;
    if (pmSet && !pm && hour == 12) hour = 0;
    try {
      LocalDate date = LocalDate.of(year, month, 1);
      if (day > date.lengthOfMonth()) throw error(": day out of range");
      ZonedDateTime t = ZonedDateTime.of(year, month, day, hour, minute, second, nanos, offset == null ? loc : offset);
      return t;
    } catch (DateTimeException e) {
      throw error(": day out of range");
    }
  }

  private void element(String std) {
    String before = rest;
    switch (std) {
      case "2006": year = fixed(4, std); break;
      case "06": year = fixed(2, std); year += year >= 69 ? 1900 : 2000; break;
      case "01": case "1": month = num(std.length() == 2, std); range(month, 1, 12, "month"); break;
      case "January": case "Jan": month = monthName(std.length() > 3); break;
      case "Monday": case "Mon": dayName(std.length() > 3); break;
      case "02": case "2": day = num(std.length() == 2, std); range(day, 1, 31, "day"); break;
      case "_2":
        if (rest.startsWith(" ")) rest = rest.substring(1);
        day = num(false, std);
        range(day, 1, 31, "day");
        break;
      case "15": hour = num(false, std); range(hour, 0, 23, "hour"); break;
      case "03": case "3": hour = num(std.length() == 2, std); range(hour, 0, 12, "hour"); break;
      case "04": case "4": minute = num(std.length() == 2, std); range(minute, 0, 59, "minute"); break;
      case "05": case "5": second = num(std.length() == 2, std); range(second, 0, 59, "second"); break;
      case "PM": case "pm": ampm(std); break;
      case "MST": zoneAbbrev(); break;
      default:
        if (std.startsWith("Z") || std.startsWith("-")) zoneOffset(std);
        else if (std.startsWith(".") || std.startsWith(",")) fraction(std);
        else throw cannot(before, std);
    }
  }

  private int fixed(int n, String std) {
    if (rest.length() < n) throw cannot(rest, std);
    for (int i = 0; i < n; i++) if (!Character.isDigit(rest.charAt(i))) throw cannot(rest, std);
    int v = Integer.parseInt(rest.substring(0, n));
    rest = rest.substring(n);
    return v;
  }

  private int num(boolean twoDigits, String std) {
    if (rest.isEmpty() || !Character.isDigit(rest.charAt(0))) throw cannot(rest, std);
    if (rest.length() < 2 || !Character.isDigit(rest.charAt(1))) {
      if (twoDigits) throw cannot(rest, std);
      int v = rest.charAt(0) - '0';
      rest = rest.substring(1);
      return v;
    }
    int v = Integer.parseInt(rest.substring(0, 2));
    rest = rest.substring(2);
    return v;
  }

  private void range(int v, int lo, int hi, String what) {
    if (v < lo || v > hi) throw error(": " + what + " out of range");
  }

  private int monthName(boolean full) {
    for (Month m : Month.values()) {
      String name = m.getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT, Locale.ENGLISH);
      if (rest.regionMatches(true, 0, name, 0, name.length())) {
        rest = rest.substring(name.length());
        return m.getValue();
      }
    }
    throw cannot(rest, full ? "January" : "Jan");
  }

  private void dayName(boolean full) {
    for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
      String name = d.getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT, Locale.ENGLISH);
      if (rest.regionMatches(true, 0, name, 0, name.length())) {
        rest = rest.substring(name.length());
        return;
      }
    }
    throw cannot(rest, full ? "Monday" : "Mon");
  }

  private void ampm(String std) {
    if (rest.length() < 2) throw cannot(rest, std);
    String p = rest.substring(0, 2).toUpperCase();
    if (!p.equals("AM") && !p.equals("PM")) throw cannot(rest, std);
    pm = p.equals("PM");
    pmSet = true;
    rest = rest.substring(2);
  }

  private void zoneAbbrev() {
    int n = 0;
    while (n < rest.length() && Character.isUpperCase(rest.charAt(n))) n++;
    if (n < 3) throw cannot(rest, "MST");
    if (rest.startsWith("UTC") || rest.startsWith("GMT")) offset = ZoneOffset.UTC;
    rest = rest.substring(n);
  }

  private void zoneOffset(String std) {
    if (std.startsWith("Z") && rest.startsWith("Z")) {
      rest = rest.substring(1);
      offset = ZoneOffset.UTC;
      return;
    }
    if (rest.isEmpty() || (rest.charAt(0) != '+' && rest.charAt(0) != '-')) throw cannot(rest, std);
    int sign = rest.charAt(0) == '-' ? -1 : 1;
    rest = rest.substring(1);
    String body = std.substring(1);
    int h = fixed(2, std);
    int m = 0;
    int s = 0;
    if (body.startsWith("07:")) {
      expect(':', std);
    }
    if (body.length() > 2) m = fixed(2, std);
    if (body.length() > 5 && body.contains(":")) expect(':', std);
    if (body.equals("070000") || body.equals("07:00:00")) s = fixed(2, std);
    try {
      offset = ZoneOffset.ofTotalSeconds(sign * (h * 3600 + m * 60 + s));
    } catch (DateTimeException e) {
      throw error(": time zone offset out of range");
    }
  }

  private void expect(char c, String std) {
    if (rest.isEmpty() || rest.charAt(0) != c) throw cannot(rest, std);
    rest = rest.substring(1);
  }

  private void fraction(String std) {
    if (rest.isEmpty() || rest.charAt(0) != std.charAt(0)) {
      if (std.charAt(1) == '9') return;
      throw cannot(rest, std);
    }
    int n = 1;
    while (n < rest.length() && Character.isDigit(rest.charAt(n))) n++;
    if (std.charAt(1) == '0' && n != std.length()) throw cannot(rest, std);
    setNanos(rest.substring(1, n));
    rest = rest.substring(n);
  }

  private void optionalFraction() {
    if (rest.length() < 2 || (rest.charAt(0) != '.' && rest.charAt(0) != ',') || !Character.isDigit(rest.charAt(1))) {
      return;
    }
    if (layout.contains(".0") || layout.contains(".9") || layout.contains(",0") || layout.contains(",9")) return;
    int n = 1;
    while (n < rest.length() && Character.isDigit(rest.charAt(n))) n++;
    setNanos(rest.substring(1, n));
    rest = rest.substring(n);
  }

  private void setNanos(String digits) {
    String d = (digits + "000000000").substring(0, 9);
    nanos = digits.isEmpty() ? 0 : Integer.parseInt(d);
  }

  private SprigTimeError cannot(String valueElem, String layoutElem) {
    return error(": cannot parse " + GoPrint.quote(valueElem) + " as " + GoPrint.quote(layoutElem));
  }

  private SprigTimeError error(String tail) {
    return new SprigTimeError("parsing time " + GoPrint.quote(value) + " as " + GoPrint.quote(layout) + tail);
  }

  /** A failed parse; callers decide whether sprig swallows it (toDate) or reports it (mustToDate). */
  static final class SprigTimeError extends RuntimeException {
    SprigTimeError(String message) {
      super(message, null, false, false);
    }
  }
}
