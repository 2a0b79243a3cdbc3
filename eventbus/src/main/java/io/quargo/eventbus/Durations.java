package io.quargo.eventbus;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses config durations: Go style ({@code 300ms}, {@code 5s}, {@code 1m30s}, {@code 168h}) or ISO-8601. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String key, String text) {
    String value = text.trim();
    if (value.startsWith("P") || value.startsWith("p")) {
      try {
        return Duration.parse(value);
      } catch (RuntimeException e) {
        throw invalid(key, text);
      }
    }
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw invalid(key, text);
      }
      end = m.end();
      double amount = Double.parseDouble(m.group(1));
      long unitMillis = switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1000;
        case "m" -> 60_000;
        case "h" -> 3_600_000;
        default -> 86_400_000;
      };
      total = total.plusMillis(Math.round(amount * unitMillis));
    }
    if (end == 0 || end != value.length()) {
      throw invalid(key, text);
    }
    return total;
  }

  private static BusException invalid(String key, String text) {
    return new BusException(key + "='" + text + "' is not a duration; write e.g. 500ms, 30s, 5m, 168h or PT5M");
  }
}
