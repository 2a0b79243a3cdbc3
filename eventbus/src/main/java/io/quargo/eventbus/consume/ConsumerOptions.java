package io.quargo.eventbus.consume;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DurableConsumer} runs its handler. Ack wait and max deliveries are not here: they belong to
 * the durable consumer on the server and are read from its info.
 *
 * @param concurrency handlers running at once; 1 (the default) keeps the stream's order per consumer
 * @param backoff delay before redelivering after the handler threw
 * @param deadLetter told about messages that failed on their last allowed delivery
 * @param pullWait how long one pull request waits for messages before the next is sent
 * @param shutdownGrace how long {@link DurableConsumer#close()} lets running handlers finish
 */
public record ConsumerOptions(
    int concurrency, RetryBackoff backoff, DeadLetterHandler deadLetter, Duration pullWait, Duration shutdownGrace) {

  public ConsumerOptions {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(deadLetter, "deadLetter");
    if (concurrency < 1) {
      throw new IllegalArgumentException("consumer concurrency must be at least 1, got " + concurrency);
    }
    if (pullWait.toMillis() < 1000) {
      // jnats refuses pull requests that expire in under a second (BaseConsumeOptions.MIN_EXPIRES_MILLS)
      throw new IllegalArgumentException("pull wait must be at least 1s, got " + pullWait);
    }
  }

  public static ConsumerOptions defaults() {
    return new ConsumerOptions(1, RetryBackoff.DEFAULT, DeadLetterHandler.LOG_ONLY,
        Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  public ConsumerOptions withConcurrency(int value) {
    return new ConsumerOptions(value, backoff, deadLetter, pullWait, shutdownGrace);
  }

  public ConsumerOptions withBackoff(RetryBackoff value) {
    return new ConsumerOptions(concurrency, value, deadLetter, pullWait, shutdownGrace);
  }

  public ConsumerOptions withDeadLetter(DeadLetterHandler value) {
    return new ConsumerOptions(concurrency, backoff, value, pullWait, shutdownGrace);
  }

  public ConsumerOptions withPullWait(Duration value) {
    return new ConsumerOptions(concurrency, backoff, deadLetter, value, shutdownGrace);
  }

  public ConsumerOptions withShutdownGrace(Duration value) {
    return new ConsumerOptions(concurrency, backoff, deadLetter, pullWait, value);
  }
}
