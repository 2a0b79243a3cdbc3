package io.quargo.core.expr;

/**
 * Substring search that stays linear on adversarial input. String.indexOf is O(n·m) in the worst case
 * ("aaaa…a" searched for "aaa…ab"), which on multi-megabyte strings would stall an evaluation outside
 * the step budget; past a size threshold we switch to Knuth–Morris–Pratt, O(n + m).
 */
final class TextSearch {
  /** Below this many worst-case comparisons the JDK's (vectorised) search is the faster choice. */
  private static final long NAIVE_LIMIT = 1L << 22;

  private TextSearch() {}

  static int indexOf(String s, String sub, int from) {
    if ((long) Math.max(0, s.length() - from) * sub.length() <= NAIVE_LIMIT) {
      return s.indexOf(sub, from);
    }
    return kmp(s, sub, from);
  }

  static boolean contains(String s, String sub) {
    return indexOf(s, sub, 0) >= 0;
  }

  static int lastIndexOf(String s, String sub) {
    if ((long) s.length() * sub.length() <= NAIVE_LIMIT) {
      return s.lastIndexOf(sub);
    }
    String rs = new StringBuilder(s).reverse().toString();
    String rsub = new StringBuilder(sub).reverse().toString();
    int i = kmp(rs, rsub, 0);
    return i < 0 ? -1 : s.length() - i - sub.length();
  }

  /** Go's strings.ReplaceAll for a non-empty {@code old}. */
  static String replaceAll(String s, String old, String with) {
    StringBuilder sb = new StringBuilder();
    int from = 0;
    while (true) {
      int i = indexOf(s, old, from);
      if (i < 0) {
        return sb.append(s, from, s.length()).toString();
      }
      sb.append(s, from, i).append(with);
      from = i + old.length();
    }
  }

  private static int kmp(String s, String sub, int from) {
    int m = sub.length();
    if (m == 0) {
      return Math.min(Math.max(from, 0), s.length());
    }
    int[] fail = new int[m];
    for (int i = 1, k = 0; i < m; i++) {
      while (k > 0 && sub.charAt(i) != sub.charAt(k)) {
        k = fail[k - 1];
      }
      if (sub.charAt(i) == sub.charAt(k)) {
        k++;
      }
      fail[i] = k;
    }
    for (int i = Math.max(from, 0), k = 0; i < s.length(); i++) {
      while (k > 0 && s.charAt(i) != sub.charAt(k)) {
        k = fail[k - 1];
      }
      if (s.charAt(i) == sub.charAt(k)) {
        k++;
      }
      if (k == m) {
        return i - m + 1;
      }
    }
    return -1;
  }
}
