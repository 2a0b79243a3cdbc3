package io.quargo.workflow.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where output artifacts go and input artifacts come from: Argo's default artifact repository. A key names
 * either one object (a file, usually an archive) or a tree (a directory saved with {@code archive: {none: {}}}).
 * Implementations are thread-safe.
 */
public interface ArtifactRepository {

  /** Stores the file or directory at {@code source} under {@code key}, replacing what was there. */
  void save(String key, Path source) throws IOException;

  /**
   * Writes what is stored under {@code key} to {@code target} (a file, or a directory for a tree); the parent of
   * {@code target} must exist and {@code target} must not.
   *
   * @throws ArtifactNotFoundException when nothing is stored under the key
   */
  void fetch(String key, Path target) throws IOException;

  boolean exists(String key) throws IOException;

  /**
   * The location recorded on an artifact saved under {@code key}, merged into {@code outputs.artifacts[]} the way
   * Argo records {@code s3: {key: ...}} for its default repository.
   */
  ObjectNode location(String key);

  /** The key of an artifact whose location is this repository's, or null when it points elsewhere. */
  String keyOf(JsonNode artifact);
}
