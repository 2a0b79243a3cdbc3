package io.quargo.eventbus;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ServerInfo;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One connection to the bus. Reconnects with exponential backoff on its own; while it is down,
 * publishes fail (they are never buffered and silently lost). Thread-safe; share one per process.
 */
public final class BusConnection implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(BusConnection.class);

  private final BusConfig config;
  private final Connection nats;
  private final JetStream jetStream;
  private final JetStreamManagement management;

  private BusConnection(BusConfig config, Connection nats) throws IOException {
    this.config = config;
    this.nats = nats;
    this.jetStream = nats.jetStream();
    this.management = nats.jetStreamManagement();
  }

  /** Connects, failing with a message naming the URLs tried when no server answers in time. */
  public static BusConnection connect(BusConfig config) {
    Options.Builder options = new Options.Builder()
        .servers(config.urls().toArray(String[]::new))
        .connectionName(config.connectionName())
        .connectionTimeout(config.connectTimeout())
        .maxReconnects(config.maxReconnects())
        .reconnectDelayHandler(attempt -> backoff(config, attempt))
        // 0 = never queue publishes while disconnected (-1 would mean unbounded): fail loudly instead
        .reconnectBufferSize(0)
        .connectionListener(new TransitionLog())
        .errorListener(new BusErrorListener());
    if (config.token() != null) {
      options.token(config.token().toCharArray());
    }
    if (config.user() != null) {
      options.userInfo(config.user().toCharArray(), config.password().toCharArray());
    }
    if (config.credsFile() != null) {
      options.credentialPath(config.credsFile().toString());
    }
    if (config.tls() != null) {
      options.sslContext(TlsContexts.create(config.tls()));
    }
    try {
      Connection nats = Nats.connect(options.build());
      BusConnection connection = new BusConnection(config, nats);
      connection.requireJetStream();
      return connection;
    } catch (IOException e) {
      throw new BusException("cannot connect to NATS at " + Redaction.urls(config.urls().toString()) + ": " + e.getMessage()
          + ". Is nats-server running with JetStream (-js)? Set quargo.bus.url (or NATS_URL) to its address.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusException("interrupted while connecting to NATS at " + config.urls(), e);
    }
  }

  static Duration backoff(BusConfig config, long attempt) {
    long base = config.reconnectWait().toMillis();
    long max = config.reconnectWaitMax().toMillis();
    long shift = Math.min(Math.max(attempt - 1, 0), 20);
    return Duration.ofMillis(Math.min(max, base << shift));
  }

  private void requireJetStream() {
    ServerInfo info = nats.getServerInfo();
    if (!info.isJetStreamAvailable()) {
      close();
      throw new BusException("NATS server " + info.getServerName() + " (" + info.getVersion() + ") at "
          + nats.getConnectedUrl() + " has JetStream disabled; start it with -js or a jetstream {} block");
    }
  }

  /** The live state: connection status, server version and whether JetStream answers. */
  public Health health() {
    Connection.Status status = nats.getStatus();
    if (status != Connection.Status.CONNECTED) {
      return new Health(false, status.name(), null, "not connected to " + Redaction.urls(config.urls().toString()));
    }
    String version = nats.getServerInfo().getVersion();
    try {
      management.getAccountStatistics();
      return new Health(true, status.name(), version, "connected to " + nats.getConnectedUrl());
    } catch (Exception e) {
      return new Health(false, status.name(), version, "JetStream does not answer: " + e.getMessage());
    }
  }

  public BusConfig config() {
    return config;
  }

  /** The underlying jnats connection, for eventbus internals and benchmarks. */
  public Connection nats() {
    return nats;
  }

  public JetStream jetStream() {
    return jetStream;
  }

  public JetStreamManagement management() {
    return management;
  }

  /** The version of the server this connection is on, e.g. "2.9.10". */
  public String serverVersion() {
    return nats.getServerInfo().getVersion();
  }

  @Override
  public void close() {
    try {
      nats.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Logs connection changes; a failed first connect is reported by the exception alone. */
  private static final class TransitionLog implements ConnectionListener {
    private volatile boolean connectedOnce;

    @Override
    public void connectionEvent(Connection conn, ConnectionListener.Events event) {
      switch (event) {
        case CONNECTED -> connectedOnce = true;
        case DISCONNECTED -> {
          if (connectedOnce) {
            LOG.warnf("bus disconnected (servers %s); reconnecting", Redaction.urls(conn.getServers().toString()));
          }
        }
        case RECONNECTED -> LOG.infof("bus reconnected to %s", Redaction.urls(conn.getConnectedUrl()));
        case CLOSED -> LOG.debug("bus connection closed");
        default -> LOG.debugf("bus connection event %s", event);
      }
    }
  }

  /** The bus's state for health checks. */
  public record Health(boolean up, String status, String serverVersion, String detail) {}
}
