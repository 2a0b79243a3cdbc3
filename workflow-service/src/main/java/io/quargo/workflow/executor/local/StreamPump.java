package io.quargo.workflow.executor.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Reads one output stream of a process to its end: every line (without its terminator) goes to the sink as it
 * comes, and, for stdout with a result wanted, every byte to the {@link ResultTail}.
 */
final class StreamPump implements Runnable {
  /** A line longer than this is passed on in pieces, so a process printing no newline cannot exhaust memory. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final InputStream in;
  private final String stream;
  private final ResultTail tail;
  private final BiConsumer<String, String> sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  /**
   * @param stream {@code stdout} or {@code stderr}
   * @param tail   where stdout bytes are kept for the result, or null
   * @param sink   receives (stream, line)
   */
  StreamPump(InputStream in, String stream, ResultTail tail, BiConsumer<String, String> sink) {
    this.in = in;
    this.stream = stream;
    this.tail = tail;
    this.sink = sink;
  }

  @Override
  public void run() {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (tail != null) {
          tail.append(buf, 0, n);
        }
        split(buf, n);
      }
    } catch (IOException e) {
      // The pipe closes under us when the process tree is killed; what was read is kept.
    }
    if (line.size() > 0) {
      emit();
    }
  }

  private void split(byte[] buf, int n) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buf[i] == '\n') {
        line.write(buf, start, i - start);
        emit();
        start = i + 1;
      }
    }
    line.write(buf, start, n - start);
    if (line.size() >= MAX_LINE_BYTES) {
      emit();
    }
  }

  private void emit() {
    String s = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    sink.accept(stream, s);
  }
}
