package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.api.CliException;
import java.util.function.Predicate;

/**
 * argo get's --status and --node-field-selector: which nodes are drawn. A selector is
 * "key=value" or "key!=value" terms joined by commas (all must hold); keys are node fields, dotted
 * for nested ones (templateRef.name), and inputs.parameters.NAME.value for a parameter by name.
 */
public final class NodeFilter {
  private NodeFilter() {}

  public static Predicate<JsonNode> of(String status, String selector) {
    Predicate<JsonNode> p = n -> true;
    if (status != null && !status.isBlank()) {
      p = p.and(n -> status.equals(n.path("phase").asText()));
    }
    if (selector != null && !selector.isBlank()) {
      for (String term : selector.split(",")) {
        p = p.and(term(term.trim()));
      }
    }
    return p;
  }

  private static Predicate<JsonNode> term(String term) {
    boolean negate = term.contains("!=");
    int at = negate ? term.indexOf("!=") : term.indexOf('=');
    if (at <= 0) {
      throw new CliException("invalid --node-field-selector term '" + term
          + "': use KEY=VALUE or KEY!=VALUE, e.g. displayName=step-a", 2);
    }
    String key = term.substring(0, at);
    String value = term.substring(at + (negate ? 2 : 1)).replaceFirst("^=", "");
    return n -> value.equals(field(n, key)) != negate;
  }

  static String field(JsonNode node, String key) {
    String[] parts = key.split("\\.");
    if (parts.length == 4 && key.startsWith("inputs.parameters.") && parts[3].equals("value")) {
      for (JsonNode p : node.path("inputs").path("parameters")) {
        if (p.path("name").asText().equals(parts[2])) {
          return p.path("value").asText();
        }
      }
      return null;
    }
    JsonNode at = node;
    for (String part : parts) {
      at = at.path(part);
    }
    return at.isValueNode() ? at.asText() : null;
  }
}
