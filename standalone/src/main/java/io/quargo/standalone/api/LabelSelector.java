package io.quargo.standalone.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code listOptions.labelSelector}): {@code k=v}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k} and {@code !k}, comma-separated, all must hold.
 */
public final class LabelSelector {
  private enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (op) {
        case EQUALS, IN -> v != null && values.contains(v);
        case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
        case EXISTS -> v != null;
        case NOT_EXISTS -> v == null;
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  /** @param param names the query parameter in errors */
  public static LabelSelector parse(String text, String param) {
    List<Requirement> out = new ArrayList<>();
    if (text != null) {
      for (String part : split(text)) {
        if (!part.isBlank()) {
          out.add(requirement(part.trim(), param));
        }
      }
    }
    return new LabelSelector(out);
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  public boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  /** Splits on commas outside parentheses. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static Requirement requirement(String part, String param) {
    String[] words = part.split("\\s+", 3);
    if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
      String list = words[2].trim();
      if (!list.startsWith("(") || !list.endsWith(")")) {
        throw bad(part, param, "put the values in parentheses: key in (a,b)");
      }
      Set<String> values = Set.copyOf(List.of(list.substring(1, list.length() - 1).trim().split("\\s*,\\s*")));
      return new Requirement(key(words[0], part, param), words[1].equals("in") ? Op.IN : Op.NOT_IN, values);
    }
    int ne = part.indexOf("!=");
    if (ne > 0) {
      return new Requirement(key(part.substring(0, ne), part, param), Op.NOT_EQUALS,
          Set.of(part.substring(ne + 2).trim()));
    }
    int eq = part.indexOf('=');
    if (eq > 0) {
      int valueAt = part.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(key(part.substring(0, eq), part, param), Op.EQUALS,
          Set.of(part.substring(valueAt).trim()));
    }
    if (part.startsWith("!")) {
      return new Requirement(key(part.substring(1), part, param), Op.NOT_EXISTS, Set.of());
    }
    return new Requirement(key(part, part, param), Op.EXISTS, Set.of());
  }

  private static String key(String key, String part, String param) {
    String k = key.trim();
    if (k.isEmpty() || !k.matches("[A-Za-z0-9._/-]+")) {
      throw bad(part, param, "a label key is letters, digits, '.', '_', '-' and one '/'");
    }
    return k;
  }

  private static ApiException bad(String part, String param, String how) {
    return ApiException.invalid(param + ": cannot parse \"" + part + "\": " + how
        + " (e.g. workflows.argoproj.io/phase in (Running,Succeeded))");
  }
}
