package io.quargo.workflow.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.objectstore.ObjectNotFoundException;
import io.quargo.eventbus.objectstore.ObjectStoreBucket;
import io.quargo.eventbus.objectstore.StoredObject;
import io.quargo.eventbus.topology.ObjectStoreSpec;
import io.quargo.eventbus.topology.Topology;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The standalone server's repository: a NATS JetStream object store bucket ({@value #BUCKET} by default). A file
 * is one object named by its key; a directory (saved unarchived) is one object per file, {@code <key>/<relative
 * path>}, plus an empty object {@code <key>/} and {@code <key>/<dir>/} per directory, so empty directories come
 * back too. Symbolic links inside a directory are not stored. Objects are streamed in chunks, never held whole in
 * memory. Its location is recorded as {@code nats: {bucket: <bucket>, key: <key>}}.
 */
public final class NatsArtifactRepository implements ArtifactRepository {
  public static final String BUCKET = "quargo-artifacts";
  public static final String LOCATION = "nats";

  private final ObjectStoreBucket bucket;

  public NatsArtifactRepository(ObjectStoreBucket bucket) {
    this.bucket = bucket;
  }

  /** The bucket, created if missing (file storage, no age or size limit). */
  public static NatsArtifactRepository open(BusConnection bus, String bucketName) {
    new Topology(bus).ensureObjectStore(ObjectStoreSpec.of(bucketName));
    return new NatsArtifactRepository(ObjectStoreBucket.open(bus, bucketName));
  }

  @Override
  public void save(String key, Path source) throws IOException {
    Keys.check(key);
    try {
      if (!Files.isDirectory(source)) {
        bucket.put(key, Files.newInputStream(source));
        return;
      }
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          bucket.put(objectName(key, source, d) + "/", java.io.InputStream.nullInputStream());
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isRegularFile()) {
            bucket.put(objectName(key, source, file), Files.newInputStream(file));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (BusException e) {
      throw new IOException("cannot save artifact '" + key + "' to " + this + ": " + e.getMessage(), e);
    }
  }

  private static String objectName(String key, Path root, Path p) {
    String rel = root.relativize(p).toString();
    return rel.isEmpty() ? key : key + "/" + rel;
  }

  @Override
  public void fetch(String key, Path target) throws IOException {
    Keys.check(key);
    try {
      if (bucket.info(key).isPresent()) {
        get(key, target);
        return;
      }
      if (bucket.info(key + "/").isEmpty()) {
        throw new ArtifactNotFoundException(toString(), key);
      }
      List<StoredObject> tree = bucket.list().stream().filter(o -> o.name().startsWith(key + "/")).toList();
      Files.createDirectories(target);
      for (StoredObject o : tree) {
        String rel = o.name().substring(key.length() + 1);
        if (rel.isEmpty()) {
          continue;
        }
        Path at = target.resolve(rel).normalize();
        if (!at.startsWith(target)) {
          throw new IOException("artifact '" + key + "' holds an object outside its tree: " + o.name());
        }
        if (rel.endsWith("/")) {
          Files.createDirectories(at);
        } else {
          Files.createDirectories(at.getParent());
          get(o.name(), at);
        }
      }
    } catch (ObjectNotFoundException e) {
      throw new ArtifactNotFoundException(toString(), key);
    } catch (BusException e) {
      throw new IOException("cannot fetch artifact '" + key + "' from " + this + ": " + e.getMessage(), e);
    }
  }

  private void get(String objectName, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      bucket.get(objectName, out);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    Keys.check(key);
    try {
      return bucket.info(key).isPresent() || bucket.info(key + "/").isPresent();
    } catch (BusException e) {
      throw new IOException("cannot look up artifact '" + key + "' in " + this + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ObjectNode location(String key) {
    ObjectNode location = Json.MAPPER.createObjectNode();
    location.putObject(LOCATION).put("bucket", bucket.name()).put("key", Keys.check(key));
    return location;
  }

  @Override
  public String keyOf(JsonNode artifact) {
    JsonNode nats = artifact.path(LOCATION);
    String in = nats.path("bucket").asText(bucket.name());
    return in.equals(bucket.name()) ? nats.path("key").asText(null) : null;
  }

  @Override
  public String toString() {
    return "the NATS object store bucket '" + bucket.name() + "'";
  }
}
