package io.quargo.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One object read from a file: where it came from (file, first line, line of each JSON path) and its tree. */
public record Manifest(String source, int line, ObjectNode object, Map<String, Integer> lines) {
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][\\w-]*(?:\\.[\\w-]+|\\[\\d+\\])+");

  public Manifest(String source, int line, ObjectNode object) {
    this(source, line, object, Map.of());
  }

  public String kind() {
    return object.path("kind").asText("");
  }

  public String name() {
    JsonNode meta = object.path("metadata");
    String name = meta.path("name").asText("");
    return name.isEmpty() ? meta.path("generateName").asText("") : name;
  }

  /** "hello.yaml:12" for messages. */
  public String where() {
    return source + ":" + line;
  }

  /**
   * "hello.yaml:14" when {@code message} names a JSON path in this object (spec.templates[0].name),
   * the line of its longest existing prefix; otherwise where the object starts.
   */
  public String where(String message) {
    Matcher m = PATH.matcher(message == null ? "" : message);
    while (m.find()) {
      String path = m.group();
      while (!path.isEmpty()) {
        Integer at = lines.get(path);
        if (at != null) {
          return source + ":" + at;
        }
        path = parent(path);
      }
    }
    return where();
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
