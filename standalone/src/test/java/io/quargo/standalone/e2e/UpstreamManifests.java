package io.quargo.standalone.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads Argo's example manifests and finds the EventSource a Sensor's dependency names. */
final class UpstreamManifests {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private UpstreamManifests() {}

  static ObjectNode single(Path file, String kind) throws IOException {
    return documents(file).stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError(file + " holds no " + kind));
  }

  /**
   * The EventSource named {@code name} with an event {@code eventName}: first beside the Sensor (the tutorials
   * keep theirs together), then among examples/event-sources.
   */
  static ObjectNode eventSource(Path examples, Path sensorFile, String name, String eventName) throws IOException {
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> beside = Files.list(sensorFile.getParent())) {
      beside.filter(UpstreamManifests::isYaml).sorted().forEach(candidates::add);
    }
    try (Stream<Path> all = Files.list(examples.resolve("event-sources"))) {
      all.filter(UpstreamManifests::isYaml).sorted().forEach(candidates::add);
    }
    for (Path file : candidates) {
      for (ObjectNode doc : documents(file)) {
        if (doc.path("kind").asText().equals("EventSource") && doc.path("metadata").path("name").asText().equals(name)
            && hasEvent(doc, eventName)) {
          return doc;
        }
      }
    }
    throw new AssertionError("no example EventSource " + name + " with event " + eventName + " for " + sensorFile);
  }

  private static boolean hasEvent(ObjectNode eventSource, String eventName) {
    for (JsonNode events : eventSource.path("spec")) {
      if (events.isObject() && events.has(eventName)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isYaml(Path p) {
    return p.toString().endsWith(".yaml") || p.toString().endsWith(".yml");
  }

  private static List<ObjectNode> documents(Path file) throws IOException {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      return docs.readAll().stream().filter(JsonNode::isObject).map(d -> (ObjectNode) d).toList();
    }
  }
}
