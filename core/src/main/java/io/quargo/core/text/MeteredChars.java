package io.quargo.core.text;

/**
 * Regex input that reports every character the matcher reads to a {@link Meter}, which may throw to
 * stop the match. java.util.regex backtracks (Go's RE2 is linear), so each language of ours that
 * matches user patterns against user data bounds the work this way instead of hanging.
 */
public final class MeteredChars implements CharSequence {

  /** Told of each read; throws (any RuntimeException) when the match has read enough. */
  @FunctionalInterface
  public interface Meter {
    void read();
  }

  private final CharSequence chars;
  private final Meter meter;

  public MeteredChars(CharSequence chars, Meter meter) {
    this.chars = chars;
    this.meter = meter;
  }

  /** A meter allowing {@code maxReads} reads in all, shared by every sub-sequence, then throwing. */
  public static Meter budget(long maxReads, java.util.function.Supplier<? extends RuntimeException> exhausted) {
    long[] left = {maxReads};
    return () -> {
      if (--left[0] < 0) {
        throw exhausted.get();
      }
    };
  }

  @Override
  public char charAt(int index) {
    meter.read();
    return chars.charAt(index);
  }

  @Override
  public int length() {
    return chars.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new MeteredChars(chars.subSequence(start, end), meter);
  }

  @Override
  public String toString() {
    return chars.toString();
  }
}
