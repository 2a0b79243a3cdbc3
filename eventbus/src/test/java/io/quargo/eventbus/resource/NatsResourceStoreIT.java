package io.quargo.eventbus.resource;

import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreContract;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.testkit.NatsServers;
import org.junit.jupiter.api.AfterAll;

/** The NATS KV store against a real nats-server, through the shared ResourceStore contract. */
class NatsResourceStoreIT extends ResourceStoreContract {
  private static BusConnection bus;

  @Override
  protected ResourceStore createStore() {
    synchronized (NatsResourceStoreIT.class) {
      if (bus == null) {
        bus = BusConnection.connect(BusConfig.of(NatsServers.shared().url()));
      }
    }
    return new NatsResourceStore(bus, "it-" + Long.toHexString(System.nanoTime()), 10);
  }

  @AfterAll
  static void closeBus() {
    if (bus != null) {
      bus.close();
      bus = null;
    }
  }
}
