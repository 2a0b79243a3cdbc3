package io.quargo.core.tags;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the variable paths an expression body reads, without parsing expr-lang: identifier chains such as
 * {@code steps.a.outputs.result} or {@code steps['my-step'].outputs.result} (normalised to dots), skipping string
 * literals, function calls and keywords. Conservative on purpose: the engine uses it to know what to wait for.
 */
final class ExpressionReferences {
  private static final Set<String> KEYWORDS = Set.of("true", "false", "nil", "and", "or", "not", "in",
      "matches", "contains", "startsWith", "endsWith", "let", "if", "else");

  private ExpressionReferences() {}

  static Set<String> scan(String expr) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipString(expr, i);
      } else if (isIdentStart(c) && (i == 0 || !isMemberContext(expr, i))) {
        i = chain(expr, i, out);
      } else {
        i++;
      }
    }
    return out;
  }

  /** After '.', '?.' or '#', a name belongs to something else (a member or a closure variable). */
  private static boolean isMemberContext(String expr, int i) {
    char prev = expr.charAt(i - 1);
    return prev == '.' || prev == '#' || Character.isLetterOrDigit(prev) || prev == '_' || prev == '$';
  }

  private static int chain(String expr, int start, Set<String> out) {
    StringBuilder path = new StringBuilder();
    int i = readIdent(expr, start, path);
    while (i < expr.length()) {
      if (expr.charAt(i) == '.' && i + 1 < expr.length() && isIdentStart(expr.charAt(i + 1))) {
        path.append('.');
        i = readIdent(expr, i + 1, path);
      } else if (expr.startsWith("['", i) || expr.startsWith("[\"", i)) {
        int close = expr.indexOf(expr.charAt(i + 1) + "]", i + 2);
        if (close < 0) {
          break;
        }
        path.append('.').append(expr, i + 2, close);
        i = close + 2;
      } else {
        break;
      }
    }
    String p = path.toString();
    boolean call = i < expr.length() && expr.charAt(i) == '(';
    if (!call && !KEYWORDS.contains(p)) {
      out.add(p);
    }
    return i;
  }

  private static int readIdent(String expr, int i, StringBuilder sb) {
    while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_'
        || expr.charAt(i) == '$')) {
      sb.append(expr.charAt(i++));
    }
    return i;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static int skipString(String expr, int i) {
    char quote = expr.charAt(i++);
    while (i < expr.length() && expr.charAt(i) != quote) {
      i += expr.charAt(i) == '\\' && quote != '`' ? 2 : 1;
    }
    return i + 1;
  }
}
