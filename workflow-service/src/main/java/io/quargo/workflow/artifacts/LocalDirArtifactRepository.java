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
 * file or directory {@code <dir>/k}; a directory that is an artifact (not just a key prefix) has a marker file
 * {@code .quargo-tree.<name>} next to it. Its location is recorded as {@code local: {key: k}}.
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
    Files.deleteIfExists(treeMarker(target));
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.createFile(treeMarker(target));
    }
  }

  private static Path treeMarker(Path artifact) {
    return artifact.resolveSibling(".quargo-tree." + artifact.getFileName());
  }

  @Override
  public void fetch(String key, Path target) throws IOException {
    Path source = at(key);
    if (!exists(key)) {
      throw new ArtifactNotFoundException(toString(), key);
    }
    Trees.copy(source, target);
  }

  @Override
  public boolean exists(String key) {
    Path p = at(key);
    return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? Files.exists(treeMarker(p))
        : Files.exists(p, LinkOption.NOFOLLOW_LINKS);
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
