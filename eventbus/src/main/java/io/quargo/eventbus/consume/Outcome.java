package io.quargo.eventbus.consume;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link DeliveryHandler} decided about one delivery. The consumer settles the message only after
 * the handler returned, so returning {@link #ack()} means "my effect is recorded, do not deliver again".
 */
public sealed interface Outcome {

  /** Done: the message is acknowledged and not delivered again. */
  static Outcome ack() {
    return Ack.INSTANCE;
  }

  /** Not now: the message is delivered again after {@code delay} (a NAK with delay). */
  static Outcome retryIn(Duration delay) {
    return new RetryIn(delay);
  }

  /** Never: the message is terminated and not delivered again; the reason is logged. */
  static Outcome reject(String reason) {
    return new Reject(reason);
  }

  /** See {@link Outcome#ack()}. */
  enum Ack implements Outcome {
    INSTANCE;

    @Override
    public String toString() {
      return "ack";
    }
  }

  /** See {@link Outcome#retryIn(Duration)}. */
  record RetryIn(Duration delay) implements Outcome {
    public RetryIn {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("retry delay must not be negative: " + delay);
      }
    }
  }

  /** See {@link Outcome#reject(String)}. */
  record Reject(String reason) implements Outcome {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
