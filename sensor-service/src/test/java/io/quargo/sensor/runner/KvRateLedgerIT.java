package io.quargo.sensor.runner;

import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared ledger on a real nats-server: two connections stand for two replicas of one Sensor. */
@ExtendWith(NatsServerExtension.class)
class KvRateLedgerIT extends RateLedgerContract {
  private BusConnection one;
  private BusConnection two;
  private String bucket;

  @BeforeEach
  void connect(NatsTestServer nats) {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url()));
    one = BusConnection.connect(config);
    two = BusConnection.connect(config);
    bucket = "rates-" + UUID.randomUUID().toString().substring(0, 8);
    new Topology(one).ensureKv(KvSpec.of(bucket));
  }

  @AfterEach
  void close() {
    one.close();
    two.close();
  }

  @Override
  RateLedger[] replicas() {
    return new RateLedger[] {new KvRateLedger(KvBucket.open(one, bucket)), new KvRateLedger(KvBucket.open(two, bucket))};
  }
}
