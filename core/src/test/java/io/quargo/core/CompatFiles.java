package io.quargo.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the upstream example manifests (shared/compat, test data only) are on this machine. */
public final class CompatFiles {
  private CompatFiles() {}

  /**
   * $QUARGO_COMPAT_DIR, else a {@code shared/compat} found from the working directory upwards (beside
   * the clone), else the workplace's /work/shared/compat. Tests skip, saying so, when it is absent.
   */
  public static Path dir() {
    String explicit = System.getenv("QUARGO_COMPAT_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("compat");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("/work/shared/compat");
  }
}
