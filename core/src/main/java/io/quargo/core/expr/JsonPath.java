package io.quargo.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSONPath subset Argo's {@code jsonpath(json, path)} is used with: {@code $}, {@code .key},
 * {@code ['key']}, {@code [n]} (negative from the end), {@code [*]} / {@code .*}, {@code [a:b]} and filters
 * {@code [?(@.k == 'v' && @.n > 1)]} ({@link JsonPathFilter}).
 * After a wildcard the remaining steps apply to every match and the result is a list.
 */
final class JsonPath {
  private JsonPath() {}

  static Object lookup(Object json, String path) {
    Object root = json instanceof String s ? JsonText.decode(s) : json;
    if (!path.startsWith("$")) {
      throw new EvalFailure("jsonpath: path must start with $: " + path);
    }
    List<Object> current = new ArrayList<>();
    current.add(root);
    boolean multi = false;
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String key = path.substring(i + 1, end);
        if (key.isEmpty()) {
          throw new EvalFailure("jsonpath: empty key in " + path);
        }
        multi |= key.equals("*");
        current = step(current, key.equals("*") ? null : key, key.equals("*"));
        i = end;
      } else if (path.startsWith("[?(", i)) {
        int end = path.indexOf(")]", i);
        if (end < 0) {
          throw new EvalFailure("jsonpath: unclosed [?( in " + path);
        }
        multi = true;
        current = JsonPathFilter.apply(current, path.substring(i + 3, end), path);
        i = end + 2;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          throw new EvalFailure("jsonpath: unclosed [ in " + path);
        }
        String sel = path.substring(i + 1, end).trim();
        multi |= sel.equals("*") || sel.contains(":");
        current = bracket(current, sel, path);
        i = end + 1;
      } else {
        throw new EvalFailure("jsonpath: unexpected '" + c + "' in " + path);
      }
    }
    return multi ? current : current.get(0);
  }

  private static List<Object> bracket(List<Object> current, String sel, String path) {
    if (sel.equals("*")) {
      return step(current, null, true);
    }
    if ((sel.startsWith("'") && sel.endsWith("'") || sel.startsWith("\"") && sel.endsWith("\"")) && sel.length() >= 2) {
      return step(current, sel.substring(1, sel.length() - 1), false);
    }
    List<Object> out = new ArrayList<>();
    for (Object o : current) {
      if (!(o instanceof List<?> list)) {
        throw new EvalFailure("jsonpath: cannot index " + Values.typeName(o) + " in " + path);
      }
      try {
        if (sel.contains(":")) {
          String[] ab = sel.split(":", 2);
          Object from = ab[0].isBlank() ? null : (Object) Long.parseLong(ab[0].trim());
          Object to = ab[1].isBlank() ? null : (Object) Long.parseLong(ab[1].trim());
          out.addAll((List<?>) Slicing.slice(list, from, to));
        } else {
          out.add(Values.at(list, Slicing.position(Long.parseLong(sel), list.size())));
        }
      } catch (NumberFormatException e) {
        throw new EvalFailure("jsonpath: bad index [" + sel + "] in " + path);
      }
    }
    return out;
  }

  private static List<Object> step(List<Object> current, String key, boolean wildcard) {
    List<Object> out = new ArrayList<>();
    for (Object o : current) {
      if (wildcard && o instanceof List<?> l) {
        out.addAll(CollectionFunctions.copy(l));
      } else if (o instanceof Map<?, ?> m) {
        if (wildcard) {
          GoFormat.sorted(m).values().forEach(out::add);
        } else if (m.containsKey(key)) {
          out.add(Values.get(m, key));
        } else {
          throw new EvalFailure("jsonpath: key error: " + key + " not found in object");
        }
      } else {
        throw new EvalFailure("jsonpath: cannot get " + (wildcard ? "*" : key) + " from " + Values.typeName(o));
      }
    }
    return out;
  }
}
