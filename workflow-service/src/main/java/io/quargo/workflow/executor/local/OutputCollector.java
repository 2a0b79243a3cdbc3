package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a finished node's outputs as Argo's wait container does: {@code outputs.parameters[].valueFrom.path}
 * (one trailing newline trimmed; {@code valueFrom.default} when the file is missing) and
 * {@code outputs.artifacts[].path} (copied out of the node directory so it outlives it; {@code optional} ones may
 * be missing). Parameters from other sources are the engine's.
 */
final class OutputCollector {
  /** What was collected, or the first failure in Argo's words. */
  record Outputs(Map<String, String> parameters, Map<String, Path> artifacts, String failure) {}

  private final ContainerPaths paths;
  private final Path artifactDir;

  /** @param artifactDir where this node's artifacts are kept: {@code <root>/.artifacts/<namespace>/<nodeId>} */
  OutputCollector(ContainerPaths paths, Path artifactDir) {
    this.paths = paths;
    this.artifactDir = artifactDir;
  }

  /**
   * @param strict false after the main container failed or was killed: missing outputs are then left out
   *               rather than reported, as the node already has its reason
   */
  Outputs collect(JsonNode template, boolean strict) {
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, Path> artifacts = new LinkedHashMap<>();
    String failure = null;
    for (JsonNode p : template.path("outputs").path("parameters")) {
      JsonNode from = p.path("valueFrom");
      String path = from.path("path").asText(null);
      if (path == null || path.isEmpty()) {
        continue;
      }
      String value = readParameter(path);
      if (value == null && from.has("default") && !from.get("default").isNull()) {
        value = from.get("default").asText();
      }
      if (value != null) {
        params.put(p.path("name").asText(), value);
      } else if (failure == null && strict) {
        failure = missing(path);
      }
    }
    for (JsonNode a : template.path("outputs").path("artifacts")) {
      String path = a.path("path").asText(null);
      if (path == null || path.isEmpty()) {
        continue;
      }
      String name = a.path("name").asText();
      Path saved = saveArtifact(name, path);
      if (saved != null) {
        artifacts.put(name, saved);
      } else if (failure == null && strict && !a.path("optional").asBoolean(false)) {
        failure = missing(path);
      }
    }
    return new Outputs(params, artifacts, failure);
  }

  private static String missing(String containerPath) {
    return "failed to save outputs: open " + containerPath + ": no such file or directory";
  }

  private String readParameter(String containerPath) {
    Path file = paths.hostPath(containerPath);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    } catch (IOException e) {
      return null;
    }
  }

  private Path saveArtifact(String name, String containerPath) {
    Path source = paths.hostPath(containerPath);
    if (!Files.exists(source) || name.isEmpty() || name.contains("/") || name.startsWith(".")) {
      return null;
    }
    Path target = artifactDir.resolve(name);
    try {
      FileTrees.delete(target);
      FileTrees.copy(source, target);
      return target;
    } catch (IOException e) {
      return null;
    }
  }
}
