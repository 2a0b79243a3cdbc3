package io.quargo.core.sprig;

import java.util.ArrayList;
import java.util.List;

/** Go strings-package helpers the families share. */
final class Strs {
  private Strs() {}

  /** strings.Trim with a cutset of runes. */
  static String trim(String s, String cutset, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (right && end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  static boolean isGoSpace(int cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0
        || (cp > 0xff && Character.isWhitespace(cp)) || cp == 0x2007 || cp == 0x202F;
  }

  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
    while (end > start && isGoSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
    return s.substring(start, end);
  }

  /** strings.Fields: runs of non-space. */
  static List<String> fields(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (isGoSpace(cp)) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.appendCodePoint(cp);
      }
    });
    if (cur.length() > 0) out.add(cur.toString());
    return out;
  }

  /** strings.Split; an empty separator splits into runes. */
  static List<String> split(String s, String sep, int limit) {
    List<String> out = new ArrayList<>();
    if (limit == 0) return out;
    if (sep.isEmpty()) {
      int i = 0;
      while (i < s.length() && (limit < 0 || out.size() < limit - 1)) {
        int n = Character.charCount(s.codePointAt(i));
        out.add(s.substring(i, i + n));
        i += n;
      }
      if (i < s.length()) out.add(s.substring(i));
      return out;
    }
    int from = 0;
    while (limit < 0 || out.size() < limit - 1) {
      int at = s.indexOf(sep, from);
      if (at < 0) break;
      out.add(s.substring(from, at));
      from = at + sep.length();
      if (out.size() > Sprig.MAX_LIST) throw new Fail("result too large");
    }
    out.add(s.substring(from));
    return out;
  }

  /** sprig's strslice: a list of strings, nils dropped; a non-list is one string. */
  static List<String> strslice(Object v) {
    List<String> out = new ArrayList<>();
    if (v == null) return out;
    List<Object> list = GoValues.asList(v);
    if (list == null) {
      out.add(GoValues.strval(v));
      return out;
    }
    for (Object e : list) {
      if (e != null) out.add(GoValues.strval(e));
    }
    return out;
  }

  static String repeat(String s, long count) {
    if (count < 0) throw new Fail("strings: negative Repeat count");
    if (s.length() * count > Sprig.MAX_STRING) throw new Fail("result exceeds " + Sprig.MAX_STRING + " characters");
    return s.repeat((int) count);
  }
}
