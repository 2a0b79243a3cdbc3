package io.quargo.eventsource.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** EventSource resources for the source tests: built from a spec map, or Argo's examples. */
public final class Specs {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Specs() {}

  /** An EventSource whose {@code spec.<type>} is the given JSON map. */
  public static Resource eventSource(String namespace, String name, String type, String entriesJson) {
    try {
      ObjectNode tree = (ObjectNode) Json.MAPPER.readTree("""
          {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource",
           "metadata": {"name": "%s", "namespace": "%s"}, "spec": {"%s": %s}}
          """.formatted(name, namespace, type, entriesJson));
      return Resource.of(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every EventSource among Argo's examples with a {@code spec.<type>}; the test skips, saying so, without them. */
  public static List<Resource> upstreamExamples(String type) throws IOException {
    Path dir = CompatFiles.dir().resolve("argo-events/examples/event-sources");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir),
        "Argo's examples are not at " + dir.toAbsolutePath() + " (set QUARGO_COMPAT_DIR)");
    List<Resource> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          for (JsonNode doc : docs.readAll()) {
            if (doc != null && doc.path("kind").asText().equals("EventSource") && doc.path("spec").has(type)) {
              found.add(Resource.of((ObjectNode) doc));
            }
          }
        }
      }
    }
    return found;
  }
}
