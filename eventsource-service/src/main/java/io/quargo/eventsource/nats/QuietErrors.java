package io.quargo.eventsource.nats;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.jboss.logging.Logger;

/**
 * jnats reports through this listener instead of printing to stderr; one warning line each, no stack trace. It
 * keeps the last exception: a failed connect says only "Unable to connect" and leaves the reason (a TLS handshake
 * failure, say) here.
 */
final class QuietErrors implements ErrorListener {
  private static final Logger LOG = Logger.getLogger(QuietErrors.class);
  private final String path;
  private volatile Exception last;

  QuietErrors(String path) {
    this.path = path;
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    LOG.warnf("%s: nats server error: %s", path, error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    last = exp;
    LOG.debugf("%s: nats client: %s", path, exp.getMessage());
  }

  /** The last exception jnats reported, or null. */
  Exception last() {
    return last;
  }
}
