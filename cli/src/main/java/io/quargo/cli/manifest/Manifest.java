package io.quargo.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One object read from a file: where it came from (file and first line) and its JSON tree. */
public record Manifest(String source, int line, ObjectNode object) {
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
}
