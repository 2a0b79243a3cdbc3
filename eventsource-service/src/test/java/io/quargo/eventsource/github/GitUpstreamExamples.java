package io.quargo.eventsource.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Argo's github.yaml and gitlab.yaml examples, optionally with their ports and namespace replaced. */
public final class GitUpstreamExamples {
  public static final Path DIR = CompatFiles.dir().resolve("argo-events/examples/event-sources");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private GitUpstreamExamples() {}

  /**
   * @param type {@code github} or {@code gitlab}
   * @param ports upstream port to the port to use instead
   */
  public static Resource load(String type, String namespace, Map<String, Integer> ports) {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(DIR.resolve(type + ".yaml").toFile())) {
      ObjectNode es = (ObjectNode) docs.next();
      ((ObjectNode) es.get("metadata")).put("namespace", namespace);
      es.get("spec").get(type).forEach(entry -> {
        ObjectNode webhook = (ObjectNode) entry.get("webhook");
        Integer port = ports.get(webhook.get("port").asText());
        if (port != null) {
          webhook.put("port", String.valueOf(port));
        }
      });
      return Resource.of(es);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
