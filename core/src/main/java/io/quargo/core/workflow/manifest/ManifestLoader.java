package io.quargo.core.workflow.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.resource.Resource;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML or JSON manifest file (several documents separated by {@code ---}, or concatenated JSON objects)
 * into {@link ManifestDocument}s, recording the line and column of every value so lint findings can point into
 * the file. The caller supplies the text; this class does no file I/O. Empty documents are skipped.
 */
public final class ManifestLoader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private ManifestLoader() {}

  /** Reads all of {@code reader} (the caller opens and closes it), then parses as {@link #load(String, String)}. */
  public static List<ManifestDocument> load(Reader reader, String source) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = reader.read(buf)) > 0; ) {
      text.append(buf, 0, n);
    }
    return load(text.toString(), source);
  }

  /** Text starting with '{' is read as JSON (strictly), anything else as YAML. */
  public static List<ManifestDocument> load(String text, String source) {
    boolean json = text.stripLeading().startsWith("{");
    List<ManifestDocument> docs = new ArrayList<>();
    try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(new StringReader(text))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        Map<String, SourcePosition> positions = new HashMap<>();
        JsonNode tree = read(p, t, "", positions, source);
        if (tree.isNull() || tree.isMissingNode()) {
          continue;
        }
        if (!tree.isObject()) {
          throw new ManifestException(positions.get(""), "a manifest document must be a mapping (apiVersion, kind, "
              + "metadata, spec), got a " + tree.getNodeType().toString().toLowerCase());
        }
        docs.add(new ManifestDocument(Resource.of(tree), new PositionIndex(source, text, positions), docs.size()));
      }
    } catch (JsonProcessingException e) {
      throw ParseErrors.of(e, source);
    } catch (IOException e) {
      throw new ManifestException(new SourcePosition(source, 1, 1), "cannot parse: " + e.getMessage());
    }
    return docs;
  }

  private static JsonNode read(JsonParser p, JsonToken t, String path, Map<String, SourcePosition> positions,
      String source) throws IOException {
    positions.put(path, position(p.currentTokenLocation(), source));
    switch (t) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = path.isEmpty() ? name : path + "." + name;
          object.set(name, read(p, p.nextToken(), child, positions, source));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
          array.add(read(p, item, path + "[" + array.size() + "]", positions, source));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return intNode(p);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new ManifestException(position(p.currentTokenLocation(), source), "unexpected " + t);
    }
  }

  private static JsonNode intNode(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> NODES.numberNode(p.getIntValue());
      case LONG -> NODES.numberNode(p.getLongValue());
      default -> NODES.numberNode(p.getBigIntegerValue());
    };
  }

  private static SourcePosition position(JsonLocation loc, String source) {
    return ParseErrors.position(loc, source);
  }
}
