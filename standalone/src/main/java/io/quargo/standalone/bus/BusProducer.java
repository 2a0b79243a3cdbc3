package io.quargo.standalone.bus;

import io.quargo.eventbus.BusConnection;
import io.quargo.standalone.nats.NatsServerLocator;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The one {@link BusConnection} of the process, and the {@link StandaloneBus} that owns it. */
@Singleton
public class BusProducer {

  @Produces
  @Singleton
  StandaloneBus standaloneBus(Config config) {
    return StandaloneBus.open(StandaloneSettings.from(config), NatsServerLocator.fromEnvironment());
  }

  // the connection is closed by its owner, in order with the child server; no disposer of its own
  @Produces
  @Singleton
  BusConnection busConnection(StandaloneBus bus) {
    return bus.connection();
  }

  void close(@Disposes StandaloneBus bus) {
    bus.close();
  }
}
