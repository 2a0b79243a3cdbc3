package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * file.yaml on a temporary directory: {@code watchPathConfig.directory} (the pod's emptyDir mount in Argo) becomes
 * that directory. A CREATE is the watched file written; WRITE rewrites it, REMOVE deletes it.
 */
final class FileRig implements ExampleRig {
  /** fsnotify's Op bits, which Argo's payload carries in {@code op}. */
  private static final List<String> OPS = List.of("CREATE", "WRITE", "REMOVE", "RENAME", "CHMOD");

  private final Path root = Files.createTempDirectory("quargo-upstream-file");

  FileRig() throws Exception {}

  @Override
  public void connect(ObjectNode entries) throws Exception {
    int n = 0;
    for (JsonNode entry : entries) {
      Path dir = Files.createDirectory(root.resolve("watch-" + n++));
      ((ObjectNode) entry.get("watchPathConfig")).put("directory", dir.toString());
      if (!op(entry).equals("CREATE")) {
        Files.writeString(watched(entry), "there before"); // what a WRITE or REMOVE needs to exist
      }
    }
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return null;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    Path file = watched(entry);
    return List.of(switch (op(entry)) {
      case "CREATE", "WRITE" -> () -> Files.writeString(file, "written for " + eventName);
      case "REMOVE" -> () -> Files.delete(file);
      default -> throw new AssertionError(eventName + ": no message here for eventType " + op(entry));
    });
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    assertThat(ExampleRig.fields(data)).containsExactly("name", "op"); // FileSourceIT's shape
    assertThat(data.get("name").asText()).isEqualTo(watched(entry).toString());
    assertThat(data.get("op").asInt()).isEqualTo(1 << OPS.indexOf(op(entry)));
  }

  private static Path watched(JsonNode entry) {
    return Path.of(entry.at("/watchPathConfig/directory").asText()).resolve(entry.at("/watchPathConfig/path").asText());
  }

  private static String op(JsonNode entry) {
    return entry.path("eventType").asText().toUpperCase(Locale.ROOT);
  }

  @Override
  public void close() throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
