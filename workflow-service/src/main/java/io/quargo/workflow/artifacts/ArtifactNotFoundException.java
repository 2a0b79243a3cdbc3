package io.quargo.workflow.artifacts;

import java.io.IOException;

/** Nothing is stored under the key. */
public final class ArtifactNotFoundException extends IOException {
  public ArtifactNotFoundException(String repository, String key) {
    super("artifact '" + key + "' not found in " + repository);
  }
}
