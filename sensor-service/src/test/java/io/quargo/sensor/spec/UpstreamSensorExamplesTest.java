package io.quargo.sensor.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Sensor among Argo's examples parses. */
class UpstreamSensorExamplesTest {
  private static final Path EXAMPLES = CompatFiles.dir().resolve("argo-events/examples/sensors");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyExampleSensorParses() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "Argo's example Sensors are not at " + EXAMPLES.toAbsolutePath()
        + "; set QUARGO_COMPAT_DIR to the shared/compat directory");
    List<String> failures = new ArrayList<>();
    List<Sensor> parsed = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        for (JsonNode doc : documents(file)) {
          if (!doc.path("kind").asText().equals("Sensor")) {
            continue;
          }
          try {
            parsed.add(SensorParser.parse(Resource.of((ObjectNode) doc)));
          } catch (SensorSpecException e) {
            failures.add(file.getFileName() + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(parsed).hasSizeGreaterThanOrEqualTo(79);
    Sensor conditions = parsed.stream().filter(s -> s.name().equals("dependencies-conditions")).findFirst()
        .orElseThrow();
    assertThat(conditions.triggers()).extracting(Trigger::conditionsText).containsExactly("test-dep", "test-dep-foo");
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      return docs.readAll().stream().filter(d -> d != null && d.isObject()).toList();
    }
  }
}
