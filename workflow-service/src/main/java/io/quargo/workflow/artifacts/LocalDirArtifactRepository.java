package io.quargo.workflow.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A repository in a local directory, for {@code quargo run} (no bus): the artifact under key {@code k} is the
 * file or directory {@code <dir>/k}. Its location is recorded as {@code local: {key: k}}.
 */
public final class LocalDirArtifactRepository implements ArtifactRepository {
  public static final String LOCATION = "local";

  private final Path dir;

  public LocalDirArtifactRepository(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void save(String key, Path source) throws IOException {
    Path target = at(key);
    Path staging = target.resolveSibling(target.getFileName() + ".saving-" + Long.toHexString(System.nanoTime()));
    Files.createDirectories(target.getParent());
    Trees.copy(source, staging);
    Trees.delete(target);
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void fetch(String key, Path target) throws IOException {
    Path source = at(key);
    if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new ArtifactNotFoundException(toString(), key);
    }
    Trees.copy(source, target);
  }

  @Override
  public boolean exists(String key) {
    return Files.exists(at(key), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public ObjectNode location(String key) {
    ObjectNode location = Json.MAPPER.createObjectNode();
    location.putObject(LOCATION).put("key", Keys.check(key));
    return location;
  }

  @Override
  public String keyOf(JsonNode artifact) {
    return artifact.path(LOCATION).path("key").asText(null);
  }

  private Path at(String key) {
    return dir.resolve(Keys.check(key));
  }

  @Override
  public String toString() {
    return "the local artifact directory " + dir;
  }
}
