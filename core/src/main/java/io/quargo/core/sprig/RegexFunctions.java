package io.quargo.core.sprig;

import io.quargo.core.text.MeteredChars;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * sprig's regex functions over java.util.regex. RE2 never backtracks, Java does: matching runs on a
 * {@link MeteredChars} so a pathological pattern fails with an error instead of hanging.
 */
final class RegexFunctions {
  private RegexFunctions() {}

  static void register(Registry r) {
    r.add("regexMatch", "ss", a -> matches((String) a[0], (String) a[1], false));
    r.add("mustRegexMatch", "ss", a -> matches((String) a[0], (String) a[1], true));
    r.add("regexFindAll", "ssi", a -> findAll((String) a[0], (String) a[1], (Long) a[2]));
    r.add("regexFind", "ss", a -> {
      Matcher m = compile((String) a[0]).matcher(bounded((String) a[1]));
      return m.find() ? m.group() : "";
    });
    r.add("regexReplaceAll", "sss", a -> replace((String) a[0], (String) a[1], (String) a[2], false));
    r.add("regexReplaceAllLiteral", "sss", a -> replace((String) a[0], (String) a[1], (String) a[2], true));
    r.add("regexSplit", "ssi", a -> split((String) a[0], (String) a[1], (Long) a[2]));
    r.add("regexQuoteMeta", "s", a -> quoteMeta((String) a[0]));
  }

  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException e) {
      throw new Fail("regexp: Compile(" + GoPrint.quote(regex) + "): error parsing regexp: " + e.getDescription());
    }
  }

  /** sprig's regexMatch swallows a bad pattern as false; mustRegexMatch reports it. */
  private static boolean matches(String regex, String s, boolean must) {
    Pattern p;
    try {
      p = compile(regex);
    } catch (Fail f) {
      if (must) throw f;
      return false;
    }
    return p.matcher(bounded(s)).find();
  }

  private static List<Object> findAll(String regex, String s, long n) {
    Matcher m = compile(regex).matcher(bounded(s));
    List<Object> out = new ArrayList<>();
    while ((n < 0 || out.size() < n) && m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String replace(String regex, String s, String repl, boolean literal) {
    Matcher m = compile(regex).matcher(bounded(s));
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start());
      if (literal) out.append(repl);
      else expand(out, repl, m);
      last = m.end();
      if (out.length() > Sprig.MAX_STRING) throw new Fail("result too large");
    }
    return out.append(s.substring(last)).toString();
  }

  /** Go's Regexp.Expand: $1, $name, ${name}, $$; the longest name is taken and unknown ones are empty. */
  static void expand(StringBuilder out, String template, Matcher m) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int end;
      if (next == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0 || !isName(template.substring(i + 2, close))) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        end = close + 1;
      } else {
        end = i + 1;
        while (end < template.length() && isNameChar(template.charAt(end))) end++;
        if (end == i + 1) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 1, end);
      }
      out.append(group(m, name));
      i = end;
    }
  }

  private static boolean isName(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> isNameChar((char) ch));
  }

  private static boolean isNameChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static String group(Matcher m, String name) {
    try {
      String g = name.chars().allMatch(Character::isDigit)
          ? (name.length() < 6 && Integer.parseInt(name) <= m.groupCount() ? m.group(Integer.parseInt(name)) : null)
          : m.group(name);
      return g == null ? "" : g;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Regexp.Split(s, n): n < 0 all, n == 0 none, else at most n pieces. */
  private static List<Object> split(String regex, String s, long n) {
    List<Object> out = new ArrayList<>();
    if (n == 0) return out;
    Pattern p = compile(regex);
    if (regex.isEmpty() && s.isEmpty()) {
      out.add("");
      return out;
    }
    Matcher m = p.matcher(bounded(s));
    int beg = 0;
    while (m.find()) {
      if (n > 0 && out.size() == n - 1) break;
      if (m.end() == 0) continue;
      out.add(s.substring(beg, m.start()));
      beg = m.end();
    }
    out.add(s.substring(beg));
    return out;
  }

  private static String quoteMeta(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) out.append('\\');
      out.append(c);
    }
    return out.toString();
  }

  /** The subject, readable 10M times in all: a backtracking blow-up becomes an error. */
  private static CharSequence bounded(String s) {
    return new MeteredChars(s, MeteredChars.budget(10_000_000, () -> new Fail("regexp: match too expensive")));
  }
}
