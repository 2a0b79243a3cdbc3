package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Artifacts in standalone mode: an output artifact is kept by the executor at a local path
 * ({@code outputs.artifacts[].localPath}); an input artifact whose {@code from} named it is handed over by
 * that path. {@code raw} artifacts need nothing: the executor writes their data.
 */
final class Artifacts {
  private Artifacts() {}

  static Map<String, Path> inputsOf(ObjectNode tmpl) {
    Map<String, Path> inputs = new LinkedHashMap<>();
    for (JsonNode a : tmpl.path("inputs").path("artifacts")) {
      String from = a.hasNonNull("localPath") ? a.get("localPath").asText()
          : a.hasNonNull("from") ? a.get("from").asText() : null;
      if (from != null && !from.contains("{{") && !a.has("raw")) {
        inputs.put(a.path("name").asText(), Path.of(from));
      }
    }
    return inputs;
  }
}
