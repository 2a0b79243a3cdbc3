package io.quargo.eventbus.topology;

import io.quargo.eventbus.BusException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses config byte sizes as nats-server's config does: a whole number with an optional unit K, M, G or T
 * (also KB/KiB...), all powers of 1024; {@code -1} means unlimited.
 */
public final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(?:I?B)?");

  private ByteSizes() {}

  public static long parse(String key, String text) {
    String value = text.trim().toUpperCase(Locale.ROOT);
    if (value.equals("-1")) {
      return -1;
    }
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw invalid(key, text);
    }
    int shift = switch (m.group(2)) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      case "T" -> 40;
      default -> 0;
    };
    try {
      long amount = Long.parseLong(m.group(1));
      if (amount > (Long.MAX_VALUE >> shift)) {
        throw invalid(key, text);
      }
      return amount << shift;
    } catch (NumberFormatException e) {
      throw invalid(key, text);
    }
  }

  private static BusException invalid(String key, String text) {
    return new BusException(key + "='" + text + "' is not a byte size; write e.g. 1073741824, 512MB, 10G or -1 (unlimited)");
  }
}
