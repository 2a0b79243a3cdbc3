package io.quargo.eventbus.testkit;

/** A server named by NATS_URL: used as is, never stopped. */
final class ExternalNatsServer implements NatsTestServer {
  private final String url;

  ExternalNatsServer(String url) {
    this.url = url;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String origin() {
    return "NATS_URL";
  }

  @Override
  public boolean restartable() {
    return false;
  }

  @Override
  public void stop() {
    throw new UnsupportedOperationException("the server at NATS_URL is not ours to stop; use NatsServers.dedicated()");
  }

  @Override
  public void start() {
    throw new UnsupportedOperationException("the server at NATS_URL is not ours to start");
  }

  @Override
  public void close() {}
}
