package io.quargo.core.sprig;

import io.quargo.core.text.GoZones;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go's reference-time layouts ("Mon Jan 2 15:04:05 MST 2006") read directly, element by element,
 * rather than translated to a Java pattern: Go has no quoting, so every layout is valid.
 */
public final class GoTimeLayout {
  private static final String[] STD = {
    "January", "Jan", "Monday", "Mon", "MST", "2006", "002", "01", "02", "03", "04", "05", "06",
    "15", "1", "2", "_2", "__2", "3", "4", "5", "PM", "pm",
    "Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07", "-070000", "-07:00:00", "-0700", "-07:00", "-07"
  };

  private GoTimeLayout() {}

  /** One element: a literal run or a std element (frac holds ".000"/".999"-style runs). */
  record Chunk(String literal, String std) {}

  static List<Chunk> chunks(String layout) {
    List<Chunk> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      String std = stdAt(layout, i);
      if (std == null) {
        lit.append(layout.charAt(i++));
        continue;
      }
      if (lit.length() > 0) {
        out.add(new Chunk(lit.toString(), null));
        lit.setLength(0);
      }
      out.add(new Chunk(null, std));
      i += std.length();
    }
    if (lit.length() > 0) out.add(new Chunk(lit.toString(), null));
    return out;
  }

  private static String stdAt(String s, int i) {
    char c = s.charAt(i);
    if ((c == '.' || c == ',') && i + 1 < s.length() && (s.charAt(i + 1) == '0' || s.charAt(i + 1) == '9')) {
      char d = s.charAt(i + 1);
      int j = i + 1;
      while (j < s.length() && s.charAt(j) == d) j++;
      if (j >= s.length() || !Character.isDigit(s.charAt(j))) return s.substring(i, j);
    }
    if (s.startsWith("_2006", i)) return null;
    if (s.startsWith("Mon", i) && !s.startsWith("Monday", i) && i + 3 < s.length()
        && Character.isLowerCase(s.charAt(i + 3))) {
      return null;
    }
    if (s.startsWith("Jan", i) && !s.startsWith("January", i) && i + 3 < s.length()
        && Character.isLowerCase(s.charAt(i + 3))) {
      return null;
    }
    for (String std : STD) {
      if (s.startsWith(std, i)) return std;
    }
    return null;
  }

  public static String format(ZonedDateTime t, String layout) {
    StringBuilder out = new StringBuilder();
    for (Chunk c : chunks(layout)) {
      if (c.literal != null) out.append(c.literal);
      else out.append(element(t, c.std));
    }
    return out.toString();
  }

  private static String element(ZonedDateTime t, String std) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    switch (std) {
      case "January": return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Jan": return t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "Monday": return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Mon": return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "MST": return zoneName(t);
      case "2006": return pad(t.getYear(), 4);
      case "06": return pad(Math.floorMod(t.getYear(), 100), 2);
      case "002": return pad(t.getDayOfYear(), 3);
      case "__2": return String.format("%3d", t.getDayOfYear());
      case "01": return pad(t.getMonthValue(), 2);
      case "1": return Integer.toString(t.getMonthValue());
      case "02": return pad(t.getDayOfMonth(), 2);
      case "2": return Integer.toString(t.getDayOfMonth());
      case "_2": return String.format("%2d", t.getDayOfMonth());
      case "15": return pad(t.getHour(), 2);
      case "03": return pad(hour12, 2);
      case "3": return Integer.toString(hour12);
      case "04": return pad(t.getMinute(), 2);
      case "4": return Integer.toString(t.getMinute());
      case "05": return pad(t.getSecond(), 2);
      case "5": return Integer.toString(t.getSecond());
      case "PM": return t.getHour() >= 12 ? "PM" : "AM";
      case "pm": return t.getHour() >= 12 ? "pm" : "am";
      default: break;
    }
    if (std.startsWith("Z") || std.startsWith("-")) return offset(t, std);
    return fraction(t, std);
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(Math.abs(v));
    return (v < 0 ? "-" : "") + "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static String zoneName(ZonedDateTime t) {
    return GoZones.name(t);
  }

  private static String offset(ZonedDateTime t, String std) {
    int secs = t.getOffset().getTotalSeconds();
    if (std.startsWith("Z") && secs == 0) return "Z";
    String sign = secs < 0 ? "-" : "+";
    int a = Math.abs(secs);
    String hh = pad(a / 3600, 2);
    String mm = pad(a / 60 % 60, 2);
    String ss = pad(a % 60, 2);
    String body = std.substring(1);
    switch (body) {
      case "070000": return sign + hh + mm + ss;
      case "07:00:00": return sign + hh + ":" + mm + ":" + ss;
      case "0700": return sign + hh + mm;
      case "07:00": return sign + hh + ":" + mm;
      default: return sign + hh;
    }
  }

  private static String fraction(ZonedDateTime t, String std) {
    int digits = std.length() - 1;
    String nanos = pad(t.getNano(), 9).substring(0, Math.min(9, digits));
    if (std.charAt(1) == '0') return std.charAt(0) + nanos;
    String trimmed = nanos.replaceAll("0+$", "");
    return trimmed.isEmpty() ? "" : std.charAt(0) + trimmed;
  }

  /** time.ParseInLocation; the message of a failure is Go's. */
  public static ZonedDateTime parse(String layout, String value, ZoneId loc) {
    return new GoTimeParser(layout, value, loc).parse();
  }

  static ZoneId zone(String name) {
    try {
      return name.isEmpty() || name.equals("UTC") ? ZoneOffset.UTC
          : name.equals("Local") ? GoTime.LOCAL : ZoneId.of(name);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
