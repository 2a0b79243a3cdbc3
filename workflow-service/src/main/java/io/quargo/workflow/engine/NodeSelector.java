package io.quargo.workflow.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argo's {@code --node-field-selector}: comma-separated {@code field=value} or {@code field!=value} over
 * {@code displayName}, {@code name}, {@code id}, {@code templateName}, {@code phase}, {@code type},
 * {@code inputs.parameters.<p>.value}; all must hold. Empty selects every node.
 */
public final class NodeSelector {
  private final Map<String, String> equal = new LinkedHashMap<>();
  private final Map<String, String> notEqual = new LinkedHashMap<>();

  private NodeSelector() {}

  public static NodeSelector parse(String selector) {
    NodeSelector s = new NodeSelector();
    if (selector == null || selector.isBlank()) {
      return s;
    }
    for (String term : selector.split(",")) {
      String t = term.trim();
      int ne = t.indexOf("!=");
      int eq = t.indexOf('=');
      if (ne > 0) {
        s.notEqual.put(t.substring(0, ne).trim(), t.substring(ne + 2).trim());
      } else if (eq > 0) {
        s.equal.put(t.substring(0, eq).trim(), t.substring(eq + 1).replaceFirst("^=", "").trim());
      } else {
        throw new EngineException("node field selector term '" + t + "' must be field=value or field!=value");
      }
    }
    return s;
  }

  public boolean matches(Node node) {
    for (Map.Entry<String, String> e : equal.entrySet()) {
      if (!e.getValue().equals(field(node, e.getKey()))) {
        return false;
      }
    }
    for (Map.Entry<String, String> e : notEqual.entrySet()) {
      if (e.getValue().equals(field(node, e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return equal.isEmpty() && notEqual.isEmpty();
  }

  private static String field(Node node, String field) {
    switch (field) {
      case "displayName":
        return node.displayName;
      case "name":
        return node.name;
      case "id":
        return node.id;
      case "templateName":
        return node.templateName;
      case "phase":
        return node.phase.name();
      case "type":
        return node.type.name();
      default:
        if (field.startsWith("inputs.parameters.") && field.endsWith(".value") && node.inputs != null) {
          String name = field.substring("inputs.parameters.".length(), field.length() - ".value".length());
          for (var p : node.inputs.path("parameters")) {
            if (name.equals(p.path("name").asText())) {
              return p.path("value").asText(null);
            }
          }
        }
        throw new EngineException("unknown node field '" + field + "' in the node field selector; use"
            + " displayName, name, id, templateName, phase, type or inputs.parameters.<name>.value");
    }
  }
}
