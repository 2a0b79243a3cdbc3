package io.quargo.cli.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.cli.api.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads manifests as kubectl does: YAML (several documents per file) or JSON, a directory's *.yaml,
 * *.yml and *.json files in name order, or "-" for stdin. Empty documents are skipped.
 */
public final class ManifestReader {
  private static final YAMLFactory YAML = new YAMLFactory();
  private final InputStream stdin;

  public ManifestReader(InputStream stdin) {
    this.stdin = stdin;
  }

  public List<Manifest> read(List<String> paths) {
    List<Manifest> all = new ArrayList<>();
    for (String p : paths) {
      all.addAll(readPath(p));
    }
    return all;
  }

  private List<Manifest> readPath(String p) {
    if (p.equals("-")) {
      try {
        return parse("<stdin>", new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CliException("cannot read stdin: " + e.getMessage());
      }
    }
    Path path = Path.of(p);
    if (Files.isDirectory(path)) {
      List<Manifest> all = new ArrayList<>();
      try (Stream<Path> files = Files.list(path)) {
        for (Path f : files.filter(ManifestReader::isManifestFile).sorted().toList()) {
          all.addAll(readFile(f));
        }
      } catch (IOException e) {
        throw new CliException("cannot list directory " + p + ": " + e.getMessage());
      }
      return all;
    }
    if (!Files.exists(path)) {
      throw new CliException("file " + p + " does not exist: give a YAML or JSON manifest, a directory, or - for stdin", 2);
    }
    return readFile(path);
  }

  private static boolean isManifestFile(Path f) {
    String n = f.getFileName().toString();
    return Files.isRegularFile(f) && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
  }

  private List<Manifest> readFile(Path f) {
    try {
      return parse(f.toString(), Files.readString(f));
    } catch (IOException e) {
      throw new CliException("cannot read " + f + ": " + e.getMessage());
    }
  }

  /** Parses every document; a document that is not a mapping is an error naming file and line. */
  public static List<Manifest> parse(String source, String text) {
    List<Manifest> out = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(text)) {
      while (parser.nextToken() != null) {
        int line = parser.currentTokenLocation().getLineNr();
        Map<String, Integer> lines = new HashMap<>();
        JsonNode node = LocatedTree.read(parser, "", lines);
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        if (!(node instanceof ObjectNode obj)) {
          throw new CliException(source + ":" + line + ": expected a Kubernetes object (a YAML mapping with"
              + " apiVersion, kind and metadata), got " + node.getNodeType().toString().toLowerCase(), 1);
        }
        out.add(new Manifest(source, line, obj, lines));
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new CliException(source + (at == null ? "" : ":" + at.getLineNr()) + ": invalid YAML/JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""), 1);
    } catch (IOException e) {
      throw new CliException("cannot read " + source + ": " + e.getMessage());
    }
    return out;
  }
}
