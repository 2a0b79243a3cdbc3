package io.quargo.core.gjson;

/**
 * gjson key patterns: {@code *} any run, {@code ?} one character, {@code \} escapes the next character. Greedy
 * matching with one backtrack point, so O(pattern x subject) at worst.
 */
final class Wildcard {
  private Wildcard() {}

  static boolean matches(String pattern, String s) {
    int p = 0;
    int i = 0;
    int star = -1;
    int mark = 0;
    while (i < s.length()) {
      boolean escaped = p + 1 < pattern.length() && pattern.charAt(p) == '\\';
      char pc = p < pattern.length() ? pattern.charAt(escaped ? p + 1 : p) : 0;
      if (p < pattern.length() && ((pc == '?' && !escaped) || pc == s.charAt(i)) && !(pc == '*' && !escaped)) {
        p += escaped ? 2 : 1;
        i++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = i;
      } else if (star >= 0) {
        p = star + 1;
        i = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
