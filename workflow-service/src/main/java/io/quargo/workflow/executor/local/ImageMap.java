package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an image would run when the template sets no {@code command}: its entrypoint and cmd, read from a
 * tab-separated map (the shipped {@code images.tsv}, optionally preceded by a user file). No image is pulled.
 */
public final class ImageMap {
  /** The map shipped with Quargo, as a classpath resource. */
  public static final String BUILT_IN = "/io/quargo/workflow/executor/local/images.tsv";

  /** One row: a glob over {@code repository:tag} and what the image runs. */
  public record Entry(String pattern, List<String> entrypoint, List<String> cmd, String source) {
    public Entry {
      entrypoint = List.copyOf(entrypoint);
      cmd = List.copyOf(cmd);
    }
  }

  private record Row(PathMatcher matcher, Entry entry) {}

  private final List<Row> rows;

  private ImageMap(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The shipped map. */
  public static ImageMap builtIn() {
    try (InputStream in = ImageMap.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the image map " + BUILT_IN + " is missing from the classpath");
      }
      return new ImageMap(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A user map whose rows are tried before the shipped ones. */
  public static ImageMap withOverrides(Path file) {
    try {
      List<Row> all = new ArrayList<>(parse(Files.readString(file), file.toString()));
      all.addAll(builtIn().rows);
      return new ImageMap(all);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image map " + file, e);
    }
  }

  /** Parses rows; a malformed row is an error naming the file and line, since a silent skip hides typos. */
  static List<Row> parse(String text, String source) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1);
      String[] cols = lines[i].split("\t");
      if (cols.length < 3) {
        throw new IllegalArgumentException(where + ": expected `pattern<TAB>entrypoint JSON<TAB>cmd JSON`, got: "
            + line);
      }
      String pattern = cols[0].strip();
      Entry e = new Entry(pattern, array(cols[1], where + " entrypoint"), array(cols[2], where + " cmd"), where);
      rows.add(new Row(FileSystems.getDefault().getPathMatcher("glob:" + pattern), e));
    }
    return rows;
  }

  private static List<String> array(String json, String where) {
    try {
      JsonNode node = Json.MAPPER.readTree(json.strip());
      if (node == null || !node.isArray()) {
        throw new IllegalArgumentException(where + ": must be a JSON array of strings like [\"sh\"], got: " + json);
      }
      List<String> out = new ArrayList<>();
      node.forEach(n -> out.add(n.asText()));
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": must be a JSON array of strings like [\"sh\"], got: " + json);
    }
  }

  /** The first row matching the image, if any. */
  public Optional<Entry> lookup(String image) {
    String ref = normalise(image);
    if (ref == null) {
      return Optional.empty();
    }
    Path asPath = Path.of(ref);
    return rows.stream().filter(r -> r.matcher().matches(asPath)).map(Row::entry).findFirst();
  }

  /**
   * {@code docker.io/library/busybox} to {@code busybox:latest}; {@code quay.io/argoproj/argosay:v2@sha256:..}
   * to {@code argoproj/argosay:v2}. Null for a blank image.
   */
  static String normalise(String image) {
    if (image == null || image.isBlank()) {
      return null;
    }
    String ref = image.strip();
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int slash = ref.indexOf('/');
    if (slash > 0) {
      String first = ref.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        ref = ref.substring(slash + 1);
      }
    }
    if (ref.startsWith("library/")) {
      ref = ref.substring("library/".length());
    }
    int lastSlash = ref.lastIndexOf('/');
    if (ref.indexOf(':', lastSlash + 1) < 0) {
      ref = ref + ":latest";
    }
    return ref;
  }
}
