package io.quargo.core.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the nested environment Argo hands to expr from flat, dotted names, as Argo's
 * {@code expand.Expand} does: {@code {"inputs.parameters.x": "1"}} becomes
 * {@code {inputs: {parameters: {x: "1"}}}}. When a name is both a value and a prefix of others
 * ({@code inputs.parameters} and {@code inputs.parameters.x}) the nested map wins, so members stay reachable.
 */
public final class EnvExpander {
  private EnvExpander() {}

  public static Map<String, Object> expand(Map<String, ?> flat) {
    Map<String, Object> root = new LinkedHashMap<>();
    // Longer names sort after their prefixes, so maps replace scalars deterministically.
    for (Map.Entry<String, ?> e : new TreeMap<>(flat).entrySet()) {
      put(root, e.getKey().split("\\.", -1), e.getValue());
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String[] path, Object value) {
    Map<String, Object> node = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object next = node.get(path[i]);
      if (!(next instanceof LinkedHashMap)) {
        next = new LinkedHashMap<String, Object>();
        node.put(path[i], next);
      }
      node = (Map<String, Object>) next;
    }
    String leaf = path[path.length - 1];
    if (!(node.get(leaf) instanceof LinkedHashMap)) {
      node.put(leaf, value);
    }
  }
}
