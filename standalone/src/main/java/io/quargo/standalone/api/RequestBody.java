package io.quargo.standalone.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read by hand rather than bound by Jackson, so a bad body gets an answer that names the field
 * (as a JSON path) and says how to fix it, instead of a binding exception.
 */
public final class RequestBody {
  private final ObjectNode root;

  private RequestBody(ObjectNode root) {
    this.root = root;
  }

  /** Parses a body; an empty body is {@code {}} as grpc-gateway treats it. */
  public static RequestBody parse(String text) {
    if (text == null || text.isBlank()) {
      return new RequestBody(Json.MAPPER.createObjectNode());
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiException.invalid("request body is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (!(tree instanceof ObjectNode o)) {
      throw ApiException.invalid("request body must be a JSON object, got " + tree.getNodeType());
    }
    return new RequestBody(o);
  }

  public ObjectNode root() {
    return root;
  }

  /** A required object field, e.g. {@code workflow}. */
  public ObjectNode object(String field, String example) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      throw ApiException.invalid("missing " + field + ": send {\"" + field + "\": " + example + "}");
    }
    if (!(n instanceof ObjectNode o)) {
      throw ApiException.invalid(field + " must be an object, got " + n.getNodeType());
    }
    return o;
  }

  /** An optional object field at a dotted path (e.g. {@code submitOptions}); empty when absent. */
  public ObjectNode optionalObject(String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return Json.MAPPER.createObjectNode();
    }
    if (!(n instanceof ObjectNode o)) {
      throw ApiException.invalid(field + " must be an object, got " + n.getNodeType());
    }
    return o;
  }

  public String text(String field) {
    return text(root, field, field);
  }

  public boolean bool(String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw ApiException.invalid(field + " must be true or false, got " + n);
    }
    return n.booleanValue();
  }

  /** A string field of {@code node}, named by {@code path} in errors; null when absent. */
  public static String text(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.invalid(path + " must be a string, got " + n.getNodeType());
    }
    return n.textValue();
  }

  /** A list of strings, e.g. {@code parameters}; empty when absent. */
  public static List<String> strings(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw ApiException.invalid(path + " must be a list of strings, got " + n.getNodeType());
    }
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) {
        throw ApiException.invalid(path + "[" + i + "] must be a string, got " + n.get(i).getNodeType());
      }
      out.add(n.get(i).textValue());
    }
    return out;
  }

  /** {@code ["name=value", ..]} (Argo's {@code -p name=value}) as an ordered map. */
  public static Map<String, String> parameters(JsonNode node, String field, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> list = strings(node, field, path);
    for (int i = 0; i < list.size(); i++) {
      String p = list.get(i);
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw ApiException.invalid(path + "[" + i + "] is \"" + p + "\": write a parameter as name=value");
      }
      out.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return out;
  }
}
