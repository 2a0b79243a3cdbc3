package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.workflow.artifacts.ArtifactRepository;
import io.quargo.workflow.artifacts.Archives;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Puts a node's input artifacts at their paths, as Argo's init container does: {@code raw} data written as is;
 * an artifact in the repository (passed with {@code from}, or a key-only {@code s3} location) or behind an
 * {@code http.url} downloaded and, when it is a gzipped tar or a zip, unpacked; {@code subPath} picks a part of
 * what was unpacked. Other locations (s3 with a bucket, git, gcs, ...) are refused with the artifact named.
 */
final class InputArtifacts {
  /** Locations Argo knows that standalone mode does not fetch. */
  static final List<String> UNSUPPORTED = List.of("s3", "git", "gcs", "oss", "hdfs", "artifactory", "azure",
      "plugin");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();

  private final ArtifactRepository repository;
  private final ContainerPaths paths;
  private final Path staging;
  private final TemplateReader reader;

  InputArtifacts(ArtifactRepository repository, ContainerPaths paths, Path staging, TemplateReader reader) {
    this.repository = repository;
    this.paths = paths;
    this.staging = staging;
    this.reader = reader;
  }

  void place(JsonNode list, Map<String, Path> supplied) throws TemplateError, IOException {
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      String name = a.path("name").asText("");
      String path = a.path("path").asText(null);
      if (path == null || !path.startsWith("/")) {
        throw reader.error("inputs.artifacts[" + i + "].path must be an absolute path, got " + path,
            "set path, e.g. /tmp/" + name);
      }
      Path target = paths.hostPath(path);
      Files.createDirectories(target.getParent());
      if (a.has("raw")) {
        Files.writeString(target, a.path("raw").path("data").asText(""));
      } else if (supplied.containsKey(name)) {
        FileTrees.copy(supplied.get(name), target);
      } else if (!fetch(a, name, target) && !a.path("optional").asBoolean(false)) {
        throw reader.error("inputs.artifacts." + name + " was not supplied",
            "pass it in arguments.artifacts, give it a source, or mark it optional: true");
      }
    }
  }

  /** Downloads and places an artifact with a location; false when it has none. */
  private boolean fetch(JsonNode a, String name, Path target) throws TemplateError, IOException {
    String key = repository.keyOf(a);
    if (key == null) {
      key = OutputCollector.keyOnly(a);
    }
    String url = a.path("http").path("url").asText(null);
    if (key == null && url == null) {
      for (String location : UNSUPPORTED) {
        if (a.has(location)) {
          throw reader.error("inputs.artifacts." + name + "." + location + " is not supported in standalone mode",
              "pass the artifact from a step with from:, use http.url or raw, or run in cluster mode");
        }
      }
      return false;
    }
    Files.createDirectories(staging);
    Path download = staging.resolve(name + ".download");
    Path unpacked = staging.resolve(name);
    FileTrees.delete(download);
    FileTrees.delete(unpacked);
    try {
      if (key != null) {
        repository.fetch(key, download);
      } else {
        httpGet(a, url, download);
      }
    } catch (IOException e) {
      if (a.path("optional").asBoolean(false)) {
        return true;
      }
      throw reader.error("inputs.artifacts." + name + ": cannot load it: " + e.getMessage(),
          "check that the step producing it succeeded and saved it");
    }
    Archives.unpack(download, unpacked);
    Path part = unpacked;
    String subPath = a.path("subPath").asText("");
    if (!subPath.isEmpty()) {
      part = unpacked.resolve(subPath).normalize();
      if (!part.startsWith(unpacked) || !Files.exists(part)) {
        throw reader.error("inputs.artifacts." + name + ".subPath " + subPath + " is not in the artifact",
            "name a file or directory inside the artifact");
      }
    }
    if (Files.isDirectory(part) && Files.isDirectory(target)) {
      FileTrees.copy(part, target); // a directory the node already has (a mount's parent): merged, not replaced
    } else {
      FileTrees.delete(target);
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
    FileTrees.delete(unpacked);
    return true;
  }

  private static void httpGet(JsonNode a, String url, Path to) throws IOException {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET();
    } catch (IllegalArgumentException e) {
      throw new IOException("http.url " + url + " is not a valid URL");
    }
    for (JsonNode h : a.path("http").path("headers")) {
      request.header(h.path("name").asText(), h.path("value").asText(""));
    }
    try {
      HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() / 100 != 2) {
          throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        Files.copy(body, to, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + url);
    }
  }
}
