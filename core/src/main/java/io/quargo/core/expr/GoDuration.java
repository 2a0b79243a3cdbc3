package io.quargo.core.expr;

import java.time.Duration;

/** expr's view of Go durations ({@link io.quargo.core.text.GoDuration}) as java.time values. */
final class GoDuration {
  private GoDuration() {}

  static Duration parse(String s) {
    try {
      return Duration.ofNanos(io.quargo.core.text.GoDuration.parse(s));
    } catch (IllegalArgumentException e) {
      throw new EvalFailure(e.getMessage());
    }
  }

  static String format(Duration d) {
    try {
      return io.quargo.core.text.GoDuration.format(d.toNanos());
    } catch (ArithmeticException e) {
      return d.toString(); // beyond Go's range of about 292 years
    }
  }
}
