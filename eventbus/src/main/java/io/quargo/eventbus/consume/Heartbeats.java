package io.quargo.eventbus.consume;

import io.nats.client.Message;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * In-progress heartbeats for every message a consumer holds, from the moment it arrives (waiting for a free
 * handler or being handled) until it is settled: one sweep every period for all of them, rather than a timer
 * per delivery. A message received just after a sweep gets its first heartbeat one period later, as it would
 * with its own timer.
 */
final class Heartbeats {
  private static final Logger LOG = Logger.getLogger(Heartbeats.class);

  private final Set<Message> held = ConcurrentHashMap.newKeySet();

  Heartbeats(ScheduledExecutorService scheduler, Duration period) {
    scheduler.scheduleAtFixedRate(this::sweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The message arrived: keep its ack wait from running out until {@link #release}. */
  void hold(Message message) {
    held.add(message);
  }

  /** The message is about to be settled (or left for redelivery): no more heartbeats. */
  void release(Message message) {
    held.remove(message);
  }

  private void sweep() {
    for (Message message : held) {
      try {
        message.inProgress();
      } catch (RuntimeException e) {
        LOG.debugf("in-progress heartbeat for %s not sent: %s", message.getSubject(), e.getMessage());
      }
    }
  }
}
