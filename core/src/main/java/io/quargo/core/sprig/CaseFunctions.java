package io.quargo.core.sprig;

import java.util.ArrayList;
import java.util.List;

/** sprig's case and word functions: title, untitle, initials, snake/camel/kebab/swap case, wrap. */
final class CaseFunctions {
  private CaseFunctions() {}

  static void register(Registry r) {
    r.add("title", "s", a -> title((String) a[0]));
    r.add("untitle", "s", a -> untitle((String) a[0]));
    r.add("initials", "s", a -> initials((String) a[0]));
    r.add("swapcase", "s", a -> swapcase((String) a[0]));
    r.add("snakecase", "s", a -> String.join("_", words((String) a[0])));
    r.add("kebabcase", "s", a -> String.join("-", words((String) a[0])));
    r.add("camelcase", "s", a -> camel((String) a[0]));
    r.add("wrap", "is", a -> wrap((String) a[1], (Long) a[0], "\n"));
    r.add("wrapWith", "iss", a -> wrap((String) a[2], (Long) a[0], (String) a[1]));
  }

  /** strings.Title: a letter after a separator is upper-cased; letters, digits and '_' are not separators. */
  static String title(String s) {
    StringBuilder out = new StringBuilder();
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean isSeparator(int cp) {
    if (cp <= 0x7F) {
      return !(Character.isLetterOrDigit(cp) || cp == '_');
    }
    if (Character.isLetterOrDigit(cp)) return false;
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static String untitle(String s) {
    StringBuilder out = new StringBuilder();
    boolean start = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean space = Strs.isGoSpace(cp);
      out.appendCodePoint(start && !space ? Character.toLowerCase(cp) : cp);
      start = space;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static String initials(String s) {
    StringBuilder out = new StringBuilder();
    for (String w : Strs.fields(s)) out.appendCodePoint(w.codePointAt(0));
    return out.toString();
  }

  private static String swapcase(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> out.appendCodePoint(
        Character.isUpperCase(cp) || Character.isTitleCase(cp) ? Character.toLowerCase(cp)
            : Character.isLowerCase(cp) ? Character.toUpperCase(cp) : cp));
    return out.toString();
  }

  /**
   * Lower-case words for snake and kebab case: split at non-alphanumerics, at a lower-to-upper
   * step, and before the last capital of an acronym ("HTTPServer" is http, server).
   */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (!Character.isLetterOrDigit(cp)) {
        flush(out, cur);
        continue;
      }
      if (Character.isUpperCase(cp) && cur.length() > 0) {
        int prev = cps[i - 1];
        boolean nextLower = i + 1 < cps.length && Character.isLowerCase(cps[i + 1]);
        if (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(out, cur);
        }
      }
      cur.appendCodePoint(Character.toLowerCase(cp));
    }
    flush(out, cur);
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) out.add(cur.toString());
    cur.setLength(0);
  }

  /** xstrings.ToCamelCase: "_" joins words, each then capitalised; stray underscores stay single. */
  private static String camel(String s) {
    StringBuilder out = new StringBuilder();
    boolean upperNext = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '_') {
        boolean atEnd = i >= s.length() || s.charAt(i) == '_';
        if (out.length() == 0 || atEnd) {
          if (out.length() == 0 || out.charAt(out.length() - 1) != '_') out.append('_');
        }
        upperNext = true;
        continue;
      }
      out.appendCodePoint(upperNext ? Character.toUpperCase(cp) : cp);
      upperNext = false;
    }
    return out.toString();
  }

  /** goutils.WrapCustom without breaking long words: break at the last space within the width. */
  static String wrap(String s, long width, String newline) {
    int w = (int) Math.max(1, Math.min(width, Integer.MAX_VALUE - 1));
    StringBuilder out = new StringBuilder();
    int offset = 0;
    int len = s.length();
    while (len - offset > w) {
      if (s.charAt(offset) == ' ') {
        offset++;
        continue;
      }
      int at = s.lastIndexOf(' ', Math.min(len - 1, w + offset));
      if (at >= offset) {
        out.append(s, offset, at).append(newline);
        offset = at + 1;
      } else {
        at = s.indexOf(' ', w + offset);
        if (at >= 0) {
          out.append(s, offset, at).append(newline);
          offset = at + 1;
        } else {
          out.append(s, offset, len);
          offset = len;
        }
      }
      if (out.length() > Sprig.MAX_STRING) throw new Fail("result too large");
    }
    return out.append(s, offset, len).toString();
  }
}
