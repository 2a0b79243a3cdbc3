package io.quargo.core.tags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Argo's flat variable map ({@code "inputs.parameters.x" -> "1"}) into the nested env an expression sees
 * ({@code inputs.parameters.x}). A key that is a prefix of another ({@code inputs.parameters} next to
 * {@code inputs.parameters.x}) is dropped, as Argo does, so the more specific keys win.
 */
public final class ExpressionEnv {
  private ExpressionEnv() {}

  public static Map<String, Object> expand(Map<String, ?> flat) {
    List<String> keys = new ArrayList<>(flat.keySet());
    Collections.sort(keys);
    Map<String, Object> root = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (i + 1 < keys.size() && keys.get(i + 1).startsWith(k + ".")) {
        continue;
      }
      put(root, k, flat.get(k));
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String key, Object value) {
    String[] parts = key.split("\\.", -1);
    Map<String, Object> node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.get(parts[i]);
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        node.put(parts[i], child);
      }
      node = (Map<String, Object>) child;
    }
    node.put(parts[parts.length - 1], value);
  }
}
