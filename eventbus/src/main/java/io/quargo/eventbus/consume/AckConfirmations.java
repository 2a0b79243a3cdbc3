package io.quargo.eventbus.consume;

import io.nats.client.Message;
import io.nats.client.RequestFailureMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Acks that ask the server to confirm (as {@code ackSync} does) without a handler thread waiting for the
 * round trip: the confirmation is awaited here, an unconfirmed ack is logged (the message may be redelivered,
 * and the execution key makes a repeat harmless), and {@link #awaitAll} lets a closing consumer wait for the
 * acks still in flight.
 */
final class AckConfirmations {
  private static final Logger LOG = Logger.getLogger(AckConfirmations.class);
  private static final byte[] ACK = "+ACK".getBytes(StandardCharsets.US_ASCII);

  private final Duration timeout;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  AckConfirmations(Duration timeout) {
    this.timeout = timeout;
  }

  /** Sends the ack now; {@code what} names the delivery in a warning if the server does not confirm it. */
  void ack(Message message, Object what) {
    CompletableFuture<Message> reply =
        message.getConnection().requestWithTimeout(message.getReplyTo(), ACK, timeout);
    inFlight.add(reply);
    reply.whenComplete((answer, error) -> {
      inFlight.remove(reply);
      if (error != null || answer == null || answer instanceof RequestFailureMessage) {
        String why = error instanceof TimeoutException || error != null && error.getCause() instanceof TimeoutException
            ? "not confirmed within " + timeout : error != null ? error.toString() : "no confirmation";
        LOG.warnf("ack of %s %s; it may be redelivered", what, why);
      }
    });
  }

  /** Waits up to the ack timeout for the acks sent so far to be confirmed (or to fail). */
  void awaitAll() {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (CompletableFuture<?> f : Set.copyOf(inFlight)) {
      try {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // reported by the completion above
      }
    }
  }
}
