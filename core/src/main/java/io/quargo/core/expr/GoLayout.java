package io.quargo.core.expr;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/** Translates a Go reference-time layout ("2006-01-02T15:04:05Z07:00") into a DateTimeFormatter. */
final class GoLayout {
  /** Longest first, so "January" wins over "Jan" and "2006" over "2". */
  private static final String[][] TOKENS = {
    {"January", "MMMM"}, {"Monday", "EEEE"}, {".000000000", ".SSSSSSSSS"}, {".999999999", "[.SSSSSSSSS]"},
    {".000000", ".SSSSSS"}, {".000", ".SSS"}, {"Z07:00", "XXX"}, {"-07:00", "xxx"}, {"Z0700", "XX"},
    {"-0700", "xx"}, {"2006", "uuuu"}, {"Jan", "MMM"}, {"Mon", "EEE"}, {"MST", "zzz"},
    {"01", "MM"}, {"02", "dd"}, {"15", "HH"}, {"03", "hh"}, {"04", "mm"}, {"05", "ss"}, {"06", "uu"},
    {"PM", "a"}, {"_2", "ppd"}, {"1", "M"}, {"2", "d"}, {"3", "h"}, {"4", "m"}, {"5", "s"},
  };

  private GoLayout() {}

  static DateTimeFormatter formatter(String layout) {
    StringBuilder pattern = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      for (String[] t : TOKENS) {
        if (layout.startsWith(t[0], i)) {
          flush(pattern, literal);
          pattern.append(t[1]);
          i += t[0].length();
          continue outer;
        }
      }
      literal.append(layout.charAt(i++));
    }
    flush(pattern, literal);
    try {
      return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern.toString())
          .toFormatter(Locale.ENGLISH);
    } catch (IllegalArgumentException e) {
      throw new EvalFailure("unsupported date layout \"" + layout + "\"");
    }
  }

  private static void flush(StringBuilder pattern, StringBuilder literal) {
    if (literal.length() > 0) {
      pattern.append('\'').append(literal.toString().replace("'", "''")).append('\'');
      literal.setLength(0);
    }
  }
}
