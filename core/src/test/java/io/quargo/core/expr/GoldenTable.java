package io.quargo.core.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a golden table. Lines: {@code expression ==> expected}; {@code @env {json}} sets the
 * environment for the rows after it ({@code @jsonenv} passes the values as Jackson trees);
 * {@code #} starts a comment. Expected is a JSON value (1 is an int, 1.0 a float), {@code !text}
 * for an error whose message contains text, or {@code ~text} for a value whose Go rendering is text.
 */
final class GoldenTable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARROW = " ==> ";

  private GoldenTable() {}

  static List<GoldenCase> load(String resource) {
    try (InputStream in = GoldenTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<GoldenCase> parse(String text) {
    List<GoldenCase> out = new ArrayList<>();
    Map<String, Object> env = Map.of();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@env ")) {
        env = plainEnv(line.substring(5));
        continue;
      }
      if (line.startsWith("@jsonenv ")) {
        env = treeEnv(line.substring(9));
        continue;
      }
      int arrow = line.indexOf(ARROW);
      if (arrow < 0) {
        throw new IllegalStateException("line " + (i + 1) + ": no '" + ARROW.trim() + "'");
      }
      out.add(new GoldenCase(i + 1, line.substring(0, arrow), env, line.substring(arrow + ARROW.length())));
    }
    return out;
  }

  private static Map<String, Object> plainEnv(String json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) toJava(read(json));
    return m;
  }

  private static Map<String, Object> treeEnv(String json) {
    Map<String, Object> m = new LinkedHashMap<>();
    read(json).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("bad JSON in golden table: " + json, e);
    }
  }

  /** JSON to the value model: integral numbers are Long, others Double. */
  static Object toJava(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(toJava(x)));
      return l;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), toJava(e.getValue())));
    return m;
  }

  /** Equality that also requires the same kinds: an int never equals a float here. */
  static boolean strictlyEqual(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!strictlyEqual(e.get(i), Values.of(a.get(i)))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (!e.keySet().equals(a.keySet())) {
        return false;
      }
      for (Object k : e.keySet()) {
        if (!strictlyEqual(e.get(k), Values.of(a.get(k)))) {
          return false;
        }
      }
      return true;
    }
    return expected.getClass() == actual.getClass() && expected.equals(actual);
  }
}
