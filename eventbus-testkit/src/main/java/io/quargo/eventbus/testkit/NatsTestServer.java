package io.quargo.eventbus.testkit;

/**
 * A NATS JetStream server a test talks to. Servers the harness started itself can be stopped and
 * started again on the same address with their JetStream data kept, to test outages.
 */
public interface NatsTestServer extends AutoCloseable {

  /** The client URL, e.g. {@code nats://127.0.0.1:41234}. */
  String url();

  /** Where the server came from: "NATS_URL", "container", or the binary's path. */
  String origin();

  /** True when {@link #stop()} and {@link #start()} work (the harness owns the process). */
  boolean restartable();

  /** Stops the server; clients see the connection drop. */
  void stop();

  /** Starts a stopped server again on the same port with the same JetStream store. */
  void start();

  @Override
  void close();
}
