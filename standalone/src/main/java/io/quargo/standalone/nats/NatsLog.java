package io.quargo.standalone.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a child nats-server's log, to quote its own explanation when it fails to start. */
final class NatsLog {
  private NatsLog() {}

  static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).trim();
        }
      }
      return "(no output)";
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
