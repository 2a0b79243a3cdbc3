package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quargo.core.lang.ArgoExpressions;
import io.quargo.core.tags.TagException;
import io.quargo.core.tags.TagOptions;
import io.quargo.core.tags.Tags;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code {{ }}} substitution over a template or step. Argo substitutes the JSON text of the object; substituting
 * each string value is the same for every value and cannot break the JSON.
 */
final class Substitution {
  static final ArgoExpressions EXPRESSIONS = ArgoExpressions.standard();
  /** Unknown variables stay as written: later phases (steps, items, outputs) resolve them. */
  static final TagOptions LEAVE = TagOptions.leave(EXPRESSIONS);
  /** {@code steps.} and {@code tasks.} must resolve once a step runs (Argo's ReplaceStrict). */
  static final TagOptions STRICT_REFS = TagOptions.leave(EXPRESSIONS).withStrictPrefixes("steps.", "tasks.");
  static final TagOptions FAIL = TagOptions.fail(EXPRESSIONS);

  private Substitution() {}

  /** A substituted deep copy; {@link TagException} when a tag must resolve and cannot. */
  static JsonNode tree(JsonNode node, Map<String, ?> vars, TagOptions options) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.asText();
      return text.contains("{{") ? TextNode.valueOf(Tags.substitute(text, vars, options)) : node;
    }
    if (node instanceof ObjectNode o) {
      ObjectNode copy = o.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        copy.set(e.getKey(), tree(e.getValue(), vars, options));
      }
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = a.arrayNode();
      a.forEach(v -> copy.add(tree(v, vars, options)));
      return copy;
    }
    return node;
  }

  static ObjectNode object(ObjectNode node, Map<String, ?> vars, TagOptions options) {
    return (ObjectNode) tree(node, vars, options);
  }

  static String text(String text, Map<String, ?> vars, TagOptions options) {
    return text == null || !text.contains("{{") ? text : Tags.substitute(text, vars, options);
  }
}
