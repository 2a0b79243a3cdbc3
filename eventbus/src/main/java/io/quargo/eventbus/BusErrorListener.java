package io.quargo.eventbus;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.jboss.logging.Logger;

/** Sends jnats' asynchronous errors to our log instead of stderr. */
final class BusErrorListener implements ErrorListener {
  private static final Logger LOG = Logger.getLogger(BusErrorListener.class);

  @Override
  public void errorOccurred(Connection conn, String error) {
    LOG.warnf("NATS server error: %s", error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    LOG.debugf("NATS connection exception: %s", exp.toString());
  }
}
