package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What standalone mode cannot run, said before anything runs: {@code resource} templates need a Kubernetes API
 * server (cluster mode); artifacts in locations other than its own repository, raw and http cannot be fetched. Checked when a workflow is submitted, so it fails at once with the template named,
 * not halfway through.
 */
public final class StandaloneChecks {
  private StandaloneChecks() {}

  /** @throws EngineException naming the first template standalone mode cannot run */
  public static void check(JsonNode spec) {
    JsonNode templates = spec.path("templates");
    for (int i = 0; i < templates.size(); i++) {
      JsonNode t = templates.get(i);
      if (t.has("resource")) {
        throw new EngineException("spec.templates[" + i + "] (" + t.path("name").asText()
            + "): resource templates need cluster mode (a Kubernetes API server); standalone mode cannot run them");
      }
    }
    String artifacts = io.quargo.workflow.artifacts.Locations.unsupported(spec);
    if (artifacts != null) {
      throw new EngineException(artifacts);
    }
  }
}
