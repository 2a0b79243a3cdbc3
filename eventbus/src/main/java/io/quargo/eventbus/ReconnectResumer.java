package io.quargo.eventbus;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Runs a resume action each time the connection comes back, retrying with backoff while JetStream
 * is still starting. Watches use it to resubscribe from their last revision at once: jnats' ordered
 * consumers recover on their own only after missing several idle heartbeats (about 30 s).
 */
public final class ReconnectResumer implements ConnectionListener, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ReconnectResumer.class);

  /** One attempt to resume; returns false when there is nothing left to resume (closed). */
  @FunctionalInterface
  public interface Attempt {
    boolean resume() throws Exception;
  }

  private final Connection connection;
  private final String what;
  private final Attempt attempt;
  private final BooleanSupplier closed;

  private ReconnectResumer(Connection connection, String what, Attempt attempt, BooleanSupplier closed) {
    this.connection = connection;
    this.what = what;
    this.attempt = attempt;
    this.closed = closed;
  }

  /** Registers on the connection until {@link #close()}. */
  public static ReconnectResumer register(Connection connection, String what, Attempt attempt, BooleanSupplier closed) {
    ReconnectResumer resumer = new ReconnectResumer(connection, what, attempt, closed);
    connection.addConnectionListener(resumer);
    return resumer;
  }

  @Override
  public void connectionEvent(Connection conn, Events event) {
    if (event == Events.RECONNECTED) {
      Thread thread = new Thread(this::resume, "quargo-resume-" + what);
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void resume() {
    for (int tries = 1; !closed.getAsBoolean(); tries++) {
      try {
        if (attempt.resume()) {
          LOG.debugf("%s resumed after reconnect", what);
        }
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.debugf("resuming %s failed (attempt %d): %s", what, tries, e.toString());
        try {
          Thread.sleep(Math.min(5000L, 250L * tries));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    connection.removeConnectionListener(this);
  }
}
