package io.quargo.workflow.artifacts;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to tree deletion. */
public final class ArtifactRepositoryTestFiles {
  private ArtifactRepositoryTestFiles() {}

  public static void deleteTree(Path p) throws IOException {
    Trees.delete(p);
  }
}
