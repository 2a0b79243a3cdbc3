package io.quargo.eventbus.consume;

/**
 * Told about a message that failed on its last allowed delivery (the consumer's {@code max_deliver}) and
 * was terminated, so it can be recorded somewhere a user sees it. Called once per message; the consumer
 * has already logged it with subject, stream sequence and error.
 */
@FunctionalInterface
public interface DeadLetterHandler {
  DeadLetterHandler LOG_ONLY = (delivery, lastError) -> {};

  void deadLetter(Delivery delivery, Throwable lastError);
}
