package io.quargo.core.gjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compiles gjson path text into stages (split on '|') of components (split on '.'). */
final class GjsonParser {
  static final int MAX_NESTING = 32;
  static final int MAX_HASHES = 32;
  private static final Set<String> MODIFIERS = Set.of("this", "reverse", "keys", "values", "flatten");
  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "!%", "=", "<", ">", "%");

  private final String path;
  private final int base;
  private final int nesting;
  private int hashes;

  private GjsonParser(String path, int base, int nesting) {
    this.path = path;
    this.base = base;
    this.nesting = nesting;
  }

  static List<List<Component>> parse(String path) {
    return new GjsonParser(path, 0, 0).stages(path);
  }

  private List<List<Component>> stages(String text) {
    List<List<Component>> stages = new ArrayList<>();
    List<Component> current = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i <= text.length()) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (i < text.length() && c == '\\') {
        i = Math.min(i + 2, text.length());
      } else if (i < text.length() && c == '#' && text.startsWith("#(", i)) {
        i = closeParen(text, i + 1) + 1;
      } else if (i == text.length() || c == '.' || c == '|') {
        current.add(component(text.substring(start, Math.min(i, text.length())), start));
        if (c == '|' || i == text.length()) {
          stages.add(List.copyOf(current));
          current = new ArrayList<>();
        }
        start = ++i;
      } else {
        i++;
      }
    }
    return stages;
  }

  /** Index of the ')' closing the '(' at {@code open}, skipping quoted strings and nested parens. */
  private int closeParen(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        i = endOfString(text, i);
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new GjsonPathException(path, base + open, "'(' of the query is never closed");
  }

  private int endOfString(String text, int quote) {
    for (int i = quote + 1; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '"') {
        return i;
      }
    }
    throw new GjsonPathException(path, base + quote, "string in query is never closed");
  }

  private Component component(String text, int start) {
    int at = base + start;
    if (text.equals("#")) {
      countHash(at);
      return new Component.Hash(at);
    }
    if (text.startsWith("#(")) {
      int close = closeParen(text, 1);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && !rest.equals("#")) {
        throw new GjsonPathException(path, at + close + 1, "unexpected '" + rest + "' after query; use '.'");
      }
      countHash(at);
      return new Component.Query(condition(text.substring(2, close), start + 2), rest.equals("#"), at);
    }
    if (text.startsWith("@") && MODIFIERS.contains(text.substring(1))) {
      return new Component.Modifier(text.substring(1), at);
    }
    return key(text, at);
  }

  private void countHash(int at) {
    if (++hashes > MAX_HASHES) {
      throw new GjsonPathException(path, at, "too many '#' in one path (more than " + MAX_HASHES + ")");
    }
  }

  private Component key(String text, int at) {
    boolean pattern = false;
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        plain.append(text.charAt(++i));
      } else {
        pattern |= c == '*' || c == '?';
        plain.append(c);
      }
    }
    // Pattern keys keep their escapes so Wildcard can tell '\*' from '*'.
    return new Component.Key(pattern ? text : plain.toString(), pattern, at);
  }

  private Condition condition(String inner, int start) {
    if (nesting >= MAX_NESTING) {
      throw new GjsonPathException(path, base + start, "queries nested too deeply");
    }
    int opAt = operatorIndex(inner);
    if (opAt < 0) {
      return new Condition(subPath(inner.strip(), start), null, null);
    }
    String op = OPERATORS.stream().filter(o -> inner.startsWith(o, opAt)).findFirst().orElseThrow(() ->
        new GjsonPathException(path, base + start + opAt, "unknown query operator at '" + inner.substring(opAt)
            + "'; use ==, !=, <, <=, >, >=, % or !%"));
    String left = inner.substring(0, opAt).strip();
    String right = inner.substring(opAt + op.length()).strip();
    return new Condition(subPath(left, start), op, literal(right, start + opAt + op.length()));
  }

  private GjsonPath subPath(String left, int start) {
    String p = left.isEmpty() ? "@this" : left;
    GjsonParser sub = new GjsonParser(path, base + start, nesting + 1);
    return new GjsonPath(p, sub.stages(p));
  }

  /** First operator character outside escapes, quotes and nested queries. */
  private static int operatorIndex(String inner) {
    int depth = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '"' && depth > 0) {
        i = skipQuoted(inner, i);
      } else if (depth == 0 && "=!<>%".indexOf(c) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int skipQuoted(String s, int quote) {
    int i = quote + 1;
    while (i < s.length() && s.charAt(i) != '"') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  private JsonNode literal(String text, int start) {
    try {
      JsonNode node = Json.parse(text.getBytes(StandardCharsets.UTF_8));
      if (node != null && node.isValueNode()) {
        return node;
      }
    } catch (IllegalArgumentException e) {
      // fall through to the positioned error below
    }
    throw new GjsonPathException(path, base + start, "query value '" + text
        + "' is not a JSON string, number, true, false or null");
  }
}
