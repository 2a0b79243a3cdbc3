package io.quargo.eventbus.consume;

/**
 * Handles one delivery of a durable consumer. Do the effect (fire the trigger, write the state), then
 * return {@link Outcome#ack()}; the message is acknowledged only after this method returned. A thrown
 * exception means "failed, try again": the message is redelivered with a backoff until the consumer's
 * max deliveries, then dead-lettered.
 */
@FunctionalInterface
public interface DeliveryHandler {
  Outcome handle(Delivery delivery) throws Exception;
}
