package io.quargo.bench;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.StreamSpec;
import io.quargo.eventbus.topology.Topology;
import java.io.IOException;

/**
 * One nats-server (a private one, so nothing else loads it) with one file-backed stream, and two
 * clients on it: a raw jnats connection (the baseline) and an eventbus connection.
 */
final class BusFixture implements AutoCloseable {
  static final String STREAM = "BENCH";
  static final String SUBJECTS = "bench.>";

  final NatsTestServer server;
  final Connection raw;
  final BusConnection bus;

  BusFixture() throws IOException, InterruptedException {
    server = NatsServers.dedicated();
    raw = Nats.connect(server.url());
    bus = BusConnection.connect(BusConfig.of(server.url()).withConnectionName("bench"));
    new Topology(bus).ensureStream(StreamSpec.of(STREAM, StreamLimits.defaults(), SUBJECTS));
  }

  /** Empties the stream between trials so every trial writes to the same starting state. */
  void purge() throws IOException, JetStreamApiException {
    bus.management().purgeStream(STREAM);
  }

  @Override
  public void close() throws InterruptedException {
    bus.close();
    raw.close();
    server.close();
  }
}
