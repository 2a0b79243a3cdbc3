package io.quargo.standalone.bus;

import io.quargo.eventbus.Redaction;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.standalone.nats.ChildNatsServer;
import io.quargo.standalone.nats.NatsServerLocator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone server's bus: a connection to {@code quargo.bus.url} or {@code NATS_URL}, or else to a
 * child nats-server it starts in the data directory. Closing it closes the connection first, then
 * stops the child, so the connection never sees its server vanish.
 */
public final class StandaloneBus implements AutoCloseable {
  private final BusConnection connection;
  private final ChildNatsServer child;
  private final String origin;

  private StandaloneBus(BusConnection connection, ChildNatsServer child, String origin) {
    this.connection = connection;
    this.child = child;
    this.origin = origin;
  }

  /** Connects, starting a child nats-server first when no URL is given. */
  public static StandaloneBus open(StandaloneSettings settings, NatsServerLocator locator) {
    Optional<StandaloneSettings.Given> given = settings.givenUrl();
    if (given.isPresent()) {
      BusConnection connection = connect(settings, given.get().url());
      return new StandaloneBus(connection, null, "from " + given.get().source());
    }
    ChildNatsServer child = ChildNatsServer.start(new ChildNatsServer.Settings(
        locator.locate(), settings.natsStoreDir(), settings.natsPort(), settings.natsStartTimeout()));
    try {
      BusConnection connection = connect(settings, child.url());
      return new StandaloneBus(connection, child, "child nats-server pid " + child.pid() + ", store "
          + child.storeDir() + ", log " + child.logFile());
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
  }

  private static BusConnection connect(StandaloneSettings settings, String url) {
    Map<String, String> props = new HashMap<>(settings.busProperties());
    props.put(StandaloneSettings.URL_KEY, url);
    return BusConnection.connect(BusConfig.from(props));
  }

  public BusConnection connection() {
    return connection;
  }

  /** The child nats-server, when this bus runs one. */
  public Optional<ChildNatsServer> child() {
    return Optional.ofNullable(child);
  }

  /** Where NATS is, for the startup log: URLs (credentials hidden), server version and origin. */
  public String describe() {
    return "NATS " + connection.serverVersion() + " at " + Redaction.urls(String.join(",", connection.config().urls()))
        + " (" + origin + ")";
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      if (child != null) {
        child.close();
      }
    }
  }
}
