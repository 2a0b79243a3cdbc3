package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.workflow.executor.ExecutionResult;
import java.util.Map;
import java.util.Set;

/**
 * Artifacts as the engine sees them: locations. The executor saves a pod's output artifacts to the artifact
 * repository and reports where ({@code nats: {bucket, key}} or {@code local: {key}}); the node's
 * {@code outputs.artifacts[]} records that location, as Argo records {@code s3: {key}} for its default repository.
 * {@code steps.<s>.outputs.artifacts.<a>} (and {@code tasks.}, {@code workflow.outputs.artifacts.}) holds the
 * artifact as JSON, so {@code from} resolves to it and its location is copied onto the input artifact; the
 * executor then fetches from the repository. Nothing lives on the engine's disk, so a restart loses nothing.
 */
final class Artifacts {
  /** Fields of an artifact that are not its location. */
  private static final Set<String> NOT_LOCATION = Set.of("name", "path", "mode", "from", "fromExpression",
      "globalName", "optional", "archive", "subPath", "recurseMode", "archiveLogs", "artifactGC", "deleted");

  private Artifacts() {}

  /** The value of {@code steps.<s>.outputs.artifacts.<a>}: the recorded artifact as JSON. */
  static String var(JsonNode artifact) {
    return Json.string(artifact);
  }

  /**
   * Input artifacts whose {@code from} was substituted: the producer's location copied on, {@code from} removed.
   *
   * @throws EngineException when {@code from} does not name an artifact
   */
  static void resolveInputs(ObjectNode tmpl) {
    for (JsonNode a : tmpl.path("inputs").path("artifacts")) {
      ObjectNode artifact = (ObjectNode) a;
      if (artifact.hasNonNull("from")) {
        copyLocation(artifact, "inputs.artifacts." + artifact.path("name").asText());
      }
    }
  }

  /** An output artifact of a steps or DAG template, from its substituted {@code from}. */
  static ObjectNode fromScope(JsonNode declared) {
    ObjectNode artifact = ((ObjectNode) declared).deepCopy();
    copyLocation(artifact, "outputs.artifacts." + artifact.path("name").asText());
    return artifact;
  }

  private static void copyLocation(ObjectNode artifact, String where) {
    String from = artifact.get("from").asText();
    JsonNode source = null;
    if (from.startsWith("{")) {
      try {
        source = Json.MAPPER.readTree(from);
      } catch (Exception e) {
        source = null;
      }
    }
    if (source == null || !source.isObject()) {
      throw new EngineException(where + ".from '" + from + "' does not name an artifact; use "
          + "{{steps.<step>.outputs.artifacts.<name>}} or {{tasks.<task>.outputs.artifacts.<name>}}");
    }
    artifact.remove("from");
    source.fields().forEachRemaining(e -> {
      if (!NOT_LOCATION.contains(e.getKey())) {
        artifact.set(e.getKey(), e.getValue());
      }
    });
  }

  /** A pod's output artifact as recorded: declared fields plus where the executor saved it. */
  static ObjectNode recorded(JsonNode declared, ExecutionResult result) {
    ObjectNode artifact = ((ObjectNode) declared).deepCopy();
    ObjectNode location = result.outputArtifacts().get(artifact.path("name").asText());
    JsonNode s3 = artifact.get("s3");
    if (s3 != null && s3.size() == 1 && s3.has("key")) {
      artifact.remove("s3"); // a key-only location was saved to the default repository under that key
    }
    artifact.setAll(location);
    return artifact;
  }

  /** {@code globalName} artifacts of a finished node become {@code status.outputs.artifacts}. */
  static void exportGlobals(Node node, WorkflowRun run, Map<String, Object> globals) {
    if (node.outputs == null) {
      return;
    }
    for (JsonNode a : node.outputs.path("artifacts")) {
      if (a.hasNonNull("globalName")) {
        String global = a.get("globalName").asText();
        ObjectNode exported = ((ObjectNode) a).deepCopy().put("name", global);
        exported.remove("globalName");
        run.globalArtifacts.put(global, exported);
        if (globals != null) {
          globals.put("workflow.outputs.artifacts." + global, var(exported));
        }
      }
    }
  }
}
