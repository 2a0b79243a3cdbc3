package io.quargo.sensor.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * sjson's {@code Set} for a parameter's {@code dest}: dot-separated keys ({@code \.} escapes a dot), numbers index
 * lists, {@code -1} appends to a list; missing containers are created (a list when the next key is a number).
 */
final class JsonDestination {
  private JsonDestination() {}

  /** The value at {@code dest}, or null. */
  static JsonNode get(JsonNode root, String dest) {
    JsonNode cur = root;
    for (String key : keys(dest)) {
      if (cur == null) {
        return null;
      }
      cur = cur.isArray() && isIndex(key) ? cur.get(Integer.parseInt(key)) : cur.isObject() ? cur.get(key) : null;
    }
    return cur;
  }

  /** Sets {@code value} at {@code dest} inside {@code root} (changed in place) and returns the root. */
  static JsonNode set(JsonNode root, String dest, JsonNode value, String where) {
    if (dest.isEmpty()) {
      return value;
    }
    List<String> keys = keys(dest);
    JsonNode top = root == null || !root.isContainerNode() ? container(keys.get(0)) : root;
    JsonNode cur = top;
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      boolean last = i == keys.size() - 1;
      JsonNode next = last ? value : child(cur, key);
      if (!last && (next == null || !next.isContainerNode())) {
        next = container(keys.get(i + 1));
      }
      put(cur, key, next, where, dest);
      cur = next;
    }
    return top;
  }

  private static JsonNode child(JsonNode cur, String key) {
    if (cur.isObject()) {
      return cur.get(key);
    }
    return isIndex(key) ? cur.get(Integer.parseInt(key)) : null;
  }

  private static void put(JsonNode cur, String key, JsonNode value, String where, String dest) {
    if (cur instanceof ObjectNode o) {
      o.set(key, value);
      return;
    }
    ArrayNode a = (ArrayNode) cur;
    if (key.equals("-1")) {
      a.add(value);
    } else if (isIndex(key)) {
      int index = Integer.parseInt(key);
      while (a.size() <= index) {
        a.addNull();
      }
      a.set(index, value);
    } else {
      throw new ParameterException(where + ".dest", "'" + dest + "' uses key '" + key
          + "' on a list; use a number or -1 (append)");
    }
  }

  private static JsonNode container(String nextKey) {
    return isIndex(nextKey) || nextKey.equals("-1") ? JsonNodeFactory.instance.arrayNode()
        : JsonNodeFactory.instance.objectNode();
  }

  private static boolean isIndex(String key) {
    return !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
  }

  static List<String> keys(String dest) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < dest.length(); i++) {
      char c = dest.charAt(i);
      if (c == '\\' && i + 1 < dest.length()) {
        cur.append(dest.charAt(++i));
      } else if (c == '.') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
