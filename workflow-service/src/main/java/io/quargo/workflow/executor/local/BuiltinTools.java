package io.quargo.workflow.executor.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The small programs the images of the upstream examples provide and a host may lack, written into one bin
 * directory that goes first on every node's PATH: {@code argosay} (argoproj/argosay:v2), {@code cowsay}
 * (docker/whalesay, argoproj/argosay:v1) and {@code python}/{@code python3}, which run the host's Python 3.
 */
public final class BuiltinTools {
  private static final String RESOURCES = "/io/quargo/workflow/executor/local/bin/";
  private static final List<String> SCRIPTS = List.of("argosay", "cowsay");

  private BuiltinTools() {}

  /**
   * Writes the tools into {@code binDir}.
   *
   * @param python3 the host's Python 3 interpreter, or empty: then {@code python} explains what is missing
   */
  public static void install(Path binDir, Optional<Path> python3) {
    try {
      Files.createDirectories(binDir);
      for (String name : SCRIPTS) {
        try (InputStream in = BuiltinTools.class.getResourceAsStream(RESOURCES + name)) {
          if (in == null) {
            throw new IllegalStateException("built-in tool " + name + " is missing from the classpath");
          }
          write(binDir.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      String shim = python3.map(BuiltinTools::pythonShim).orElse(NO_PYTHON);
      write(binDir.resolve("python"), shim);
      write(binDir.resolve("python3"), shim);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the local executor's tools into " + binDir, e);
    }
  }

  private static final String NO_PYTHON = "#!/bin/sh\n"
      + "echo \"python: this host has no Python 3; install python3, or set the local executor's python3 option\" >&2\n"
      + "exit 127\n";

  private static String pythonShim(Path interpreter) {
    String quoted = "'" + interpreter.toString().replace("'", "'\\''") + "'";
    return "#!/bin/sh\n# python resolves to the host's Python 3, as the python:3 images do.\nexec " + quoted
        + " \"$@\"\n";
  }

  private static void write(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    Files.writeString(tmp, content);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Finds the host's real Python 3 executable (following version-manager shims such as pyenv's, which stop
   * working once HOME points into a node directory). Empty when none answers.
   */
  public static Optional<Path> findPython3(String hostPath) {
    for (String dir : hostPath.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (Files.isExecutable(candidate)) {
        return realExecutable(candidate).or(() -> Optional.of(candidate));
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> realExecutable(Path python) {
    try {
      Process p = new ProcessBuilder(python.toString(), "-c", "import sys; print(sys.executable)")
          .redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Path real = Path.of(out);
      return Files.isExecutable(real) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
