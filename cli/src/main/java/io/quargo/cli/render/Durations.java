package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Durations as argo and kubectl print them: short ("1m5s") in tables, long ("1 minute 5 seconds") in get. */
public final class Durations {
  private Durations() {}

  public static Instant time(JsonNode value) {
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** From start to end (or now when still running); "" when it never started. */
  public static Duration between(Instant start, Instant end, Instant now) {
    if (start == null) {
      return null;
    }
    Duration d = Duration.between(start, end == null ? now : end);
    return d.isNegative() ? Duration.ZERO : d;
  }

  public static String shortForm(Duration d) {
    if (d == null) {
      return "";
    }
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
    if (s < 86400) {
      return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : (s % 3600 / 60) + "m");
    }
    return (s / 86400) + "d" + (s % 86400 / 3600 == 0 ? "" : (s % 86400 / 3600) + "h");
  }

  public static String longForm(Duration d) {
    if (d == null) {
      return "";
    }
    long s = d.getSeconds();
    StringBuilder b = new StringBuilder();
    append(b, s / 86400, "day");
    append(b, s % 86400 / 3600, "hour");
    append(b, s % 3600 / 60, "minute");
    if (s % 60 != 0 || b.length() == 0) {
      append(b, s % 60, "second");
    }
    return b.toString();
  }

  private static void append(StringBuilder b, long n, String unit) {
    if (n == 0 && !unit.equals("second")) {
      return;
    }
    if (b.length() > 0) {
      b.append(' ');
    }
    b.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
  }
}
