package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.workflow.artifacts.ArtifactRepository;
import io.quargo.workflow.artifacts.Archives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a finished node's outputs as Argo's wait container does: {@code outputs.parameters[].valueFrom.path}
 * (one trailing newline trimmed; {@code valueFrom.default} when the file is missing) and
 * {@code outputs.artifacts[].path} (archived as its {@code archive} says and saved to the artifact repository under
 * Argo's default key {@code <workflow>/<pod>/<file>}, or the key of a key-only {@code s3} location;
 * {@code optional} ones may be missing). Parameters from other sources are the engine's.
 */
final class OutputCollector {
  /** What was collected, or the first failure in Argo's words. */
  record Outputs(Map<String, String> parameters, Map<String, ObjectNode> artifacts, String failure) {}

  private final ContainerPaths paths;
  private final ArtifactRepository repository;
  private final String keyPrefix;
  private final Path scratch;

  /**
   * @param keyPrefix Argo's default {@code keyFormat} resolved: {@code <workflow-name>/<pod-name>}
   * @param scratch   a directory of the node's own for archives being written
   */
  OutputCollector(ContainerPaths paths, ArtifactRepository repository, String keyPrefix, Path scratch) {
    this.paths = paths;
    this.repository = repository;
    this.keyPrefix = keyPrefix;
    this.scratch = scratch;
  }

  /**
   * @param strict false after the main container failed or was killed: missing outputs are then left out
   *               rather than reported, as the node already has its reason
   */
  Outputs collect(JsonNode template, boolean strict) {
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, ObjectNode> artifacts = new LinkedHashMap<>();
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
      Path source = paths.hostPath(path);
      if (Files.exists(source)) {
        try {
          artifacts.put(name, save(a, source));
        } catch (IOException | RuntimeException e) {
          failure = failure == null ? "failed to save outputs: artifact " + name + ": " + e.getMessage() : failure;
        }
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

  /** Archives and saves one artifact; its location in the repository. */
  private ObjectNode save(JsonNode artifact, Path source) throws IOException {
    String key = keyOnly(artifact);
    if (key == null) {
      key = keyPrefix + "/" + Archives.fileName(artifact);
    }
    Path packed = Archives.pack(artifact, source, scratch);
    try {
      repository.save(key, packed);
    } finally {
      if (!packed.equals(source)) {
        Files.deleteIfExists(packed);
      }
    }
    return repository.location(key);
  }

  /** The key of a key-only {@code s3} location (Argo: the default repository, this key), else null. */
  static String keyOnly(JsonNode artifact) {
    JsonNode s3 = artifact.get("s3");
    if (s3 == null || s3.size() != 1 || !s3.hasNonNull("key")) {
      return null;
    }
    return s3.get("key").asText();
  }
}
