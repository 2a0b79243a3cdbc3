package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The recorded workflow JSON under src/test/resources/workflows. */
public final class Fixtures {
  private Fixtures() {}

  public static ObjectNode workflow(String file) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/workflows/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return (ObjectNode) Json.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code wf} with status.phase set (and no finishedAt unless completed). */
  public static ObjectNode withPhase(JsonNode wf, String phase) {
    ObjectNode copy = wf.deepCopy();
    ObjectNode status = copy.with("status");
    status.put("phase", phase);
    if (phase.equals("Running") || phase.equals("Pending")) {
      status.remove("finishedAt");
    }
    return copy;
  }
}
