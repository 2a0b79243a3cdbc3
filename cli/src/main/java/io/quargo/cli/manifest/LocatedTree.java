package io.quargo.cli.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Reads one document into a JSON tree while noting the line of every JSON path in it
 * ("spec.templates[0].container" -> 12), so a server message naming a path can point at the line.
 */
final class LocatedTree {
  private LocatedTree() {}

  /** The value at the parser's current token; its paths and lines go into {@code lines}. */
  static JsonNode read(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
    lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      ObjectNode obj = Json.object();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        String child = path.isEmpty() ? field : path + "." + field;
        lines.put(child, p.currentTokenLocation().getLineNr());
        p.nextToken();
        obj.set(field, read(p, child, lines));
      }
      return obj;
    }
    if (t == JsonToken.START_ARRAY) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(p, path + "[" + i++ + "]", lines));
      }
      return array;
    }
    return Json.MAPPER.readTree(p);
  }
}
