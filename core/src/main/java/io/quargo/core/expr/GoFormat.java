package io.quargo.core.expr;

import io.quargo.core.text.GoZones;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders values as Go's {@code fmt.Sprint} ({@code %v}) does: what expr's and Argo's string() return. */
public final class GoFormat {
  /** Guards recursion over values built by closures (e.g. a reduce nesting lists). */
  static final int MAX_VALUE_DEPTH = 1000;
  /** Text a value may render to; a list holding the same big list many times must not exhaust memory. */
  static final int MAX_OUTPUT = 1 << 24;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS] xx");

  private GoFormat() {}

  /**
   * Go's {@code json.Marshal} of a value (sorted keys, HTML-escaped, Go float text), as Argo writes
   * non-string {@code {{=...}}} results and {@code toJson}.
   *
   * @throws IllegalArgumentException for values JSON cannot carry (NaN, infinities, functions)
   */
  public static String json(Object v) {
    try {
      return JsonText.encode(v, "");
    } catch (EvalFailure e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  public static String format(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, Values.of(v), 0);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v, int depth) {
    if (depth > MAX_VALUE_DEPTH) {
      throw new EvalFailure("value nested too deeply to format");
    }
    if (sb.length() > MAX_OUTPUT) {
      throw new EvalFailure("value too large to format (over " + MAX_OUTPUT + " characters)");
    }
    if (v == null) {
      sb.append("<nil>");
    } else if (v instanceof Double d) {
      sb.append(GoFloat.formatV(d));
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        append(sb, Values.at(list, i), depth + 1);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      // fmt prints maps with sorted keys.
      sb.append("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
        sb.append(first ? "" : " ").append(e.getKey()).append(':');
        append(sb, e.getValue(), depth + 1);
        first = false;
      }
      sb.append(']');
    } else if (v instanceof Duration d) {
      sb.append(GoDuration.format(d));
    } else if (v instanceof ZonedDateTime t) {
      sb.append(time(t));
    } else {
      sb.append(v);
    }
  }

  static TreeMap<String, Object> sorted(Map<?, ?> map) {
    TreeMap<String, Object> out = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(String.valueOf(e.getKey()), Values.of(e.getValue()));
    }
    return out;
  }

  /** Go's Time.String(): {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  static String time(ZonedDateTime t) {
    String s = t.format(TIME);
    if (s.contains(".")) {
      s = s.replaceAll("\\.?0+ ", " ");
    }
    return s + " " + zoneName(t);
  }

  private static String zoneName(ZonedDateTime t) {
    return GoZones.name(t);
  }
}
