package io.quargo.eventsource.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/** Every webhook EventSource among Argo's examples parses into routes. */
class UpstreamExamplesTest {
  private static final Path EXAMPLES = CompatFiles.dir().resolve("argo-events/examples/event-sources");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyWebhookExampleParses() throws IOException {
    assumeTrue(Files.isDirectory(EXAMPLES), "Argo's examples are not at " + EXAMPLES.toAbsolutePath());
    List<String> parsed = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode doc : documents(file)) {
          if (doc.path("kind").asText().equals("EventSource") && doc.path("spec").has("webhook")) {
            List<WebhookRoute> routes = new WebhookSpecParser((ns, name, key) -> "token").parse(Resource.of((ObjectNode) doc));
            assertThat(routes).as(file.toString()).isNotEmpty();
            parsed.add(file.getFileName() + ": " + routes);
          }
        }
      }
    }
    assertThat(parsed).anySatisfy(p -> assertThat(p).startsWith("webhook.yaml: ")
        .contains("webhook/example POST :12000/example"));
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      return docs.readAll().stream().filter(d -> d != null && d.isObject()).toList();
    }
  }
}
