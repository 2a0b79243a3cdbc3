package io.quargo.workflow.executor.local;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One container's stored log: stdout and stderr lines interleaved as they arrive, as {@code kubectl logs} shows
 * them, so the API can serve them after the node ended. Writes are flushed per line so a reader sees them live.
 */
final class NodeLog implements AutoCloseable {
  private final BufferedWriter out;
  private boolean broken;

  NodeLog(Path file) {
    try {
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the node log " + file, e);
    }
  }

  synchronized void line(String line) {
    if (broken) {
      return;
    }
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      // A full disk must not kill the node; the listener still has every line.
      broken = true;
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      broken = true;
    }
  }
}
