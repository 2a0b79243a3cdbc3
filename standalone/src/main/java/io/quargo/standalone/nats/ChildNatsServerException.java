package io.quargo.standalone.nats;

/**
 * The standalone server could not get a child nats-server running. The message is one line a user can
 * act on (install the binary, free the data directory, or point NATS_URL at a server).
 */
public final class ChildNatsServerException extends RuntimeException {
  public ChildNatsServerException(String message) {
    super(message);
  }

  public ChildNatsServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
