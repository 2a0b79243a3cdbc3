package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.CompatFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The EventSource rows of shared/compat/argo-events/index.tsv: file, name, type and whether it runs locally. */
public record ExampleIndex(String file, String name, String type, String localOnly, String notes) {
  public static final Path EVENTS = CompatFiles.dir().resolve("argo-events");

  /** Every EventSource row, failing (not skipping) when the examples are missing. */
  public static List<ExampleIndex> eventSources() throws IOException {
    Path index = EVENTS.resolve("index.tsv");
    assertThat(index).as("Argo's examples must be at " + EVENTS.toAbsolutePath() + " (set QUARGO_COMPAT_DIR)")
        .isRegularFile();
    List<ExampleIndex> rows = new ArrayList<>();
    for (String line : Files.readAllLines(index)) {
      String[] c = line.split("\t", -1);
      if (!line.startsWith("#") && c.length > 4 && c[1].equals("EventSource")) {
        rows.add(new ExampleIndex(c[0], c[2], c[3], c[4], c.length > 5 ? c[5] : ""));
      }
    }
    return rows;
  }

  public Path path() {
    return EVENTS.resolve(file);
  }

  /** The file under examples/, e.g. {@code event-sources/amqp.yaml}: what a test case is named after. */
  public String fileName() {
    return file.startsWith("examples/") ? file.substring("examples/".length()) : file;
  }
}
