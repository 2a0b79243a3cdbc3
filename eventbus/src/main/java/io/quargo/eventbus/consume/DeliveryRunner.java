package io.quargo.eventbus.consume;

import io.nats.client.Message;
import io.quargo.eventbus.BusException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Runs the handler for one delivery (held by {@link Heartbeats} since it arrived), then settles the message from
 * what the handler did: ack after it returned, nak with delay, term, or dead-letter on the last allowed delivery.
 */
final class DeliveryRunner {
  private static final Logger LOG = Logger.getLogger(DeliveryRunner.class);
  private final ConsumerSettings settings;
  private final ConsumerOptions options;
  private final DeliveryHandler handler;
  private final Heartbeats heartbeats;
  private final AckConfirmations acks;
  private final BooleanSupplier stopping;

  DeliveryRunner(ConsumerSettings settings, ConsumerOptions options, DeliveryHandler handler,
      Heartbeats heartbeats, AckConfirmations acks, BooleanSupplier stopping) {
    this.settings = settings;
    this.options = options;
    this.handler = handler;
    this.heartbeats = heartbeats;
    this.acks = acks;
    this.stopping = stopping;
  }

  /**
   * Runs the handler, then settles. {@code handlerDone} runs as soon as the handler returned, before the
   * settle, so the consumer can already ask for the next message. The ack is sent before this returns and its
   * confirmation is awaited by {@link AckConfirmations}, not by this worker.
   */
  void run(Message message, Runnable handlerDone) {
    Delivery delivery;
    try {
      delivery = new Delivery(message);
    } catch (RuntimeException e) {
      heartbeats.release(message); // not a JetStream message: left for the ack wait
      throw e;
    }
    Outcome outcome = null;
    Exception error = null;
    try {
      outcome = handler.handle(delivery);
      if (outcome == null) {
        error = new BusException("the handler for " + delivery + " returned null; return Outcome.ack(),"
            + " Outcome.retryIn(delay) or Outcome.reject(reason)");
      }
    } catch (Exception e) {
      error = e;
    } finally {
      heartbeats.release(message);
      handlerDone.run();
    }
    try {
      if (error != null) {
        failed(delivery, error);
      } else {
        settle(delivery, outcome);
      }
    } catch (RuntimeException e) {
      // the connection is gone or closing: the server redelivers after the ack wait
      LOG.warnf("could not settle %s (%s); it will be redelivered after the ack wait %s",
          delivery, e.getMessage(), settings.ackWait());
    }
  }

  private void settle(Delivery delivery, Outcome outcome) {
    Message message = delivery.message();
    if (outcome instanceof Outcome.RetryIn retry) {
      if (settings.isLastDelivery(delivery.deliveryCount())) {
        deadLetter(delivery, new BusException("the handler asked to retry in " + retry.delay()
            + " on the last allowed delivery (max deliver " + settings.maxDeliverText() + ")"));
        return;
      }
      LOG.debugf("%s: handler asked to retry in %s", delivery, retry.delay());
      message.nakWithDelay(retry.delay());
    } else if (outcome instanceof Outcome.Reject reject) {
      LOG.warnf("%s rejected by the handler and terminated (not redelivered): %s", delivery, reject.reason());
      message.term();
    } else {
      ack(delivery);
    }
  }

  private void ack(Delivery delivery) {
    // confirmed like ackSync (the handler's effect is recorded, so learn whether the server got the ack), but
    // the worker goes on to the next message while the confirmation travels
    acks.ack(delivery.message(), delivery);
  }

  private void failed(Delivery delivery, Exception error) {
    if (stopping.getAsBoolean() && (error instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
      LOG.infof("%s interrupted by consumer shutdown; left unacked for redelivery", delivery);
      return;
    }
    if (settings.isLastDelivery(delivery.deliveryCount())) {
      deadLetter(delivery, error);
      return;
    }
    Duration delay = options.backoff().delayAfter(delivery.deliveryCount());
    LOG.warnf("%s failed on delivery %d of %s, redelivering in %s: %s", delivery, delivery.deliveryCount(),
        settings.maxDeliverText(), delay, error.toString());
    LOG.debugf(error, "%s failure", delivery);
    delivery.message().nakWithDelay(delay);
  }

  private void deadLetter(Delivery delivery, Exception error) {
    LOG.errorf(error, "dead letter: %s (subject %s, stream %s seq %d) failed on its last allowed delivery %d;"
            + " terminated, not redelivered. Last error: %s", delivery.consumer(), delivery.subject(),
        delivery.stream(), delivery.streamSequence(), delivery.deliveryCount(), error.toString());
    delivery.message().term();
    try {
      options.deadLetter().deadLetter(delivery, error);
    } catch (RuntimeException e) {
      LOG.errorf(e, "dead-letter handler failed for %s (seq %d); the message was terminated and is only in this log",
          delivery.subject(), delivery.streamSequence());
    }
  }
}
