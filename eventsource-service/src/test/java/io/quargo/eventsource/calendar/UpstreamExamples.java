package io.quargo.eventsource.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.CompatFiles;
import io.quargo.core.resource.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Argo's example EventSources for one type, as written and with their commented-out variants
 * ({@code #    example-tls:} blocks) switched on, so every variant upstream documents is parsed.
 */
public final class UpstreamExamples {
  private static final Path EXAMPLES = CompatFiles.dir().resolve("argo-events/examples/event-sources");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern COMMENTED_ENTRY_LINE = Pattern.compile("^#(\\s{4}.*)$");

  private UpstreamExamples() {}

  /** The example file, failing (not skipping) when the corpus is missing. */
  public static Path file(String name) {
    Path file = EXAMPLES.resolve(name);
    assertThat(file).as("Argo's examples must be at " + EXAMPLES.toAbsolutePath()
        + " (set QUARGO_COMPAT_DIR)").isRegularFile();
    return file;
  }

  /** The EventSource as the file has it. */
  public static Resource asWritten(String name) throws IOException {
    return Resource.of((ObjectNode) YAML.readTree(Files.readString(file(name))));
  }

  /** The EventSource with every commented-out entry under {@code spec.<type>} uncommented. */
  public static Resource withCommentedVariants(String name) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file(name))) {
      var m = COMMENTED_ENTRY_LINE.matcher(line);
      lines.add(m.matches() ? m.group(1) : line);
    }
    JsonNode tree = YAML.readTree(String.join("\n", lines));
    return Resource.of((ObjectNode) tree);
  }
}
