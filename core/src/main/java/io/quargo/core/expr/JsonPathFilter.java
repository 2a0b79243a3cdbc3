package io.quargo.core.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSONPath filters {@code [?(...)]} as Argo's examples use them: comparisons of {@code @.path} with a number or
 * quoted string ({@code == != < <= > >=}), bare {@code @.path} for existence, joined by {@code &&} and
 * {@code ||} ({@code &&} binds tighter; no parentheses).
 */
final class JsonPathFilter {
  private static final String[] OPERATORS = {"==", "!=", "<=", ">=", "<", ">"};

  private JsonPathFilter() {}

  static List<Object> apply(List<Object> current, String filter, String path) {
    List<Object> out = new ArrayList<>();
    for (Object o : current) {
      List<?> candidates = o instanceof List<?> l ? l : o instanceof Map<?, ?> m ? new ArrayList<>(m.values())
          : List.of();
      for (Object item : candidates) {
        if (matches(item, filter, path)) {
          out.add(item);
        }
      }
    }
    return out;
  }

  private static boolean matches(Object item, String filter, String path) {
    for (String alternative : filter.split("\\|\\|")) {
      boolean all = true;
      for (String clause : alternative.split("&&")) {
        all &= clause(item, clause.trim(), path);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean clause(Object item, String clause, String path) {
    for (String op : OPERATORS) {
      int at = indexOutsideQuotes(clause, op);
      if (at > 0) {
        Object left = value(item, clause.substring(0, at).trim(), path);
        Object right = literal(clause.substring(at + op.length()).trim(), path);
        return left != null && compare(left, right, op);
      }
    }
    return value(item, clause, path) != null;
  }

  private static int indexOutsideQuotes(String text, String op) {
    char quote = 0;
    for (int i = 0; i + op.length() <= text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (text.startsWith(op, i)) {
        return i;
      }
    }
    return -1;
  }

  private static Object value(Object item, String ref, String path) {
    if (!ref.startsWith("@")) {
      throw new EvalFailure("jsonpath: filter operand must start with @: " + ref + " in " + path);
    }
    Object cur = item;
    for (String key : ref.substring(1).split("\\.")) {
      if (key.isEmpty()) {
        continue;
      }
      if (!(cur instanceof Map<?, ?> m) || !m.containsKey(key)) {
        return null;
      }
      cur = Values.get(m, key);
    }
    return cur;
  }

  private static Object literal(String text, String path) {
    if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"")
        && text.endsWith("\""))) {
      return text.substring(1, text.length() - 1);
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new EvalFailure("jsonpath: bad filter value " + text + " in " + path);
    }
  }

  private static boolean compare(Object left, Object right, String op) {
    int cmp;
    if (right instanceof BigDecimal r && left instanceof Number n) {
      cmp = new BigDecimal(n.toString()).compareTo(r);
    } else if (right instanceof String r && left instanceof String l) {
      cmp = l.compareTo(r);
    } else if (right instanceof Boolean r && left instanceof Boolean l) {
      cmp = l.equals(r) ? 0 : 1;
    } else {
      return op.equals("!=");
    }
    return switch (op) {
      case "==" -> cmp == 0;
      case "!=" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      default -> cmp >= 0;
    };
  }
}
