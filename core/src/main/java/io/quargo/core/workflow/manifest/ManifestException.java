package io.quargo.core.workflow.manifest;

/** A manifest that cannot be read: the message names source:line:column and the reason. */
public final class ManifestException extends RuntimeException {
  private final SourcePosition position;

  public ManifestException(SourcePosition position, String reason) {
    super(position + ": " + reason);
    this.position = position;
  }

  public SourcePosition position() {
    return position;
  }
}
