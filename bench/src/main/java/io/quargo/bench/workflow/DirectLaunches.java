package io.quargo.bench.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline for {@link LocalExecutorLoad}: what one small workflow's tasks cost as bare process launches, the
 * same {@code echo hello} run one after the other with {@link ProcessBuilder}, stdout read to the end, exit
 * checked. No engine, no node directory, no log file, no environment building, no reports.
 */
final class DirectLaunches {
  private static final List<String> ARGV = List.of("echo", "hello");

  private DirectLaunches() {}

  /** Runs {@code count} launches in sequence in {@code dir}; throws if one does not print hello and exit 0. */
  static void run(int count, Path dir) throws IOException, InterruptedException {
    for (int i = 0; i < count; i++) {
      Process p = new ProcessBuilder(ARGV).directory(dir.toFile()).redirectErrorStream(true).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int exit = p.waitFor();
      if (exit != 0 || !out.equals("hello\n")) {
        throw new IllegalStateException("echo hello exited " + exit + " printing '" + out + "'");
      }
    }
  }
}
