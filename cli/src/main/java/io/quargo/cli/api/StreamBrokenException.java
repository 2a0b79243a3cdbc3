package io.quargo.cli.api;

/** A stream the connection dropped mid-way (server restart, proxy cut): a watcher reconnects. */
public final class StreamBrokenException extends CliException {
  public StreamBrokenException(String message) {
    super(message);
  }
}
