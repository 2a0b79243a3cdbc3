package io.quargo.core.text;

/** String facts as Go sees them. */
public final class GoStrings {
  private GoStrings() {}

  /** Go compares strings bytewise in UTF-8, which is code point order (not Java's UTF-16 order). */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
