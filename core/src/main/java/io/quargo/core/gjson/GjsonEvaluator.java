package io.quargo.core.gjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Applies components to a JSON tree; null means "does not exist". */
final class GjsonEvaluator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GjsonEvaluator() {}

  static JsonNode stage(List<Component> comps, int from, JsonNode node) {
    JsonNode current = node;
    for (int i = from; i < comps.size() && current != null; i++) {
      Component c = comps.get(i);
      if (c instanceof Component.Key k) {
        current = key(current, k);
      } else if (c instanceof Component.Modifier m) {
        current = modifier(current, m.name());
      } else if (c instanceof Component.Hash) {
        if (!current.isArray()) {
          return null;
        }
        return i == comps.size() - 1 ? NODES.numberNode(current.size()) : map(comps, i + 1, current);
      } else {
        Component.Query q = (Component.Query) c;
        if (!current.isArray()) {
          return null;
        }
        if (q.all()) {
          return map(comps, i + 1, matches(current, q.condition()));
        }
        current = first(current, q.condition());
      }
    }
    return current;
  }

  /** {@code #.rest}: apply the rest of the stage to each element, keeping the ones where it exists. */
  private static JsonNode map(List<Component> comps, int from, JsonNode array) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode element : array) {
      JsonNode r = stage(comps, from, element);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  private static JsonNode key(JsonNode node, Component.Key k) {
    if (node.isObject()) {
      if (!k.pattern()) {
        return node.get(k.name());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (Wildcard.matches(k.name(), e.getKey())) {
          return e.getValue();
        }
      }
      return null;
    }
    if (node.isArray() && isIndex(k.name())) {
      int index = Integer.parseInt(k.name());
      return index < node.size() ? node.get(index) : null;
    }
    return null;
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static JsonNode first(JsonNode array, Condition c) {
    for (JsonNode element : array) {
      if (c.test(element)) {
        return element;
      }
    }
    return null;
  }

  private static ArrayNode matches(JsonNode array, Condition c) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode element : array) {
      if (c.test(element)) {
        out.add(element);
      }
    }
    return out;
  }

  private static JsonNode modifier(JsonNode node, String name) {
    switch (name) {
      case "this":
        return node;
      case "reverse":
        return reverse(node);
      case "keys":
        if (!node.isObject()) {
          return null;
        }
        ArrayNode keys = NODES.arrayNode();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
      case "values":
        if (!node.isObject()) {
          return null;
        }
        ArrayNode values = NODES.arrayNode();
        node.elements().forEachRemaining(values::add);
        return values;
      default:
        return flatten(node);
    }
  }

  private static JsonNode reverse(JsonNode node) {
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.elements().forEachRemaining(items::add);
      ArrayNode out = NODES.arrayNode();
      for (int i = items.size() - 1; i >= 0; i--) {
        out.add(items.get(i));
      }
      return out;
    }
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      node.fields().forEachRemaining(fields::add);
      var out = NODES.objectNode();
      for (int i = fields.size() - 1; i >= 0; i--) {
        out.set(fields.get(i).getKey(), fields.get(i).getValue());
      }
      return out;
    }
    return node;
  }

  /** One level: nested arrays' elements are pulled up into the outer array. */
  private static JsonNode flatten(JsonNode node) {
    if (!node.isArray()) {
      return node;
    }
    ArrayNode out = NODES.arrayNode();
    for (JsonNode element : node) {
      if (element.isArray()) {
        element.elements().forEachRemaining(out::add);
      } else {
        out.add(element);
      }
    }
    return out;
  }
}
