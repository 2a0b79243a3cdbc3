package io.quargo.core.sprig;

/** A string the regex engine may read only so many times: a backtracking blow-up becomes an error. */
final class BoundedChars implements CharSequence {
  private static final long BUDGET = 10_000_000;
  private final String s;
  private final long[] reads;

  BoundedChars(String s) {
    this(s, new long[] {0});
  }

  private BoundedChars(String s, long[] reads) {
    this.s = s;
    this.reads = reads;
  }

  @Override
  public char charAt(int index) {
    if (++reads[0] > BUDGET) throw new Fail("regexp: match too expensive");
    return s.charAt(index);
  }

  @Override
  public int length() {
    return s.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedChars(s.substring(start, end), reads);
  }

  @Override
  public String toString() {
    return s;
  }
}
