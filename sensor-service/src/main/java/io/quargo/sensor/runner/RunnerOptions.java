package io.quargo.sensor.runner;

import io.quargo.eventbus.consume.ConsumerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * @param stateBucket the KV bucket holding trigger condition state (shared by every replica of every Sensor)
 * @param recoverAfter how long a firing may stay pending before any replica takes it over as abandoned
 * @param consumer how each dependency's durable consumer runs (retry backoff for failed triggers, ...)
 * @param clock for saving and reset times
 * @param pacer waits between a trigger's retries and for its rate limit
 * @param jitter random numbers in [0, 1) scaling a retry strategy's jitter
 */
public record RunnerOptions(String stateBucket, Duration recoverAfter, ConsumerOptions consumer, Clock clock,
    Pacer pacer, DoubleSupplier jitter) {
  public static final String DEFAULT_STATE_BUCKET = "sensor-state";

  /** Events of one dependency handled at once by one replica: firings overlap their effects' round trips. */
  public static final int DEFAULT_CONCURRENCY = 16;

  /**
   * Handlers run {@value #DEFAULT_CONCURRENCY} at a time per dependency: condition state is compare-and-set and
   * "latest wins" compares event times, so the order in which a replica handles events does not change a result.
   */
  public static RunnerOptions defaults() {
    return new RunnerOptions(DEFAULT_STATE_BUCKET, Duration.ofMinutes(2),
        ConsumerOptions.defaults().withConcurrency(DEFAULT_CONCURRENCY), Clock.systemUTC(), Pacer.system(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  public RunnerOptions withStateBucket(String value) {
    return new RunnerOptions(value, recoverAfter, consumer, clock, pacer, jitter);
  }

  public RunnerOptions withRecoverAfter(Duration value) {
    return new RunnerOptions(stateBucket, value, consumer, clock, pacer, jitter);
  }

  public RunnerOptions withConsumer(ConsumerOptions value) {
    return new RunnerOptions(stateBucket, recoverAfter, value, clock, pacer, jitter);
  }

  public RunnerOptions withClock(Clock value) {
    return new RunnerOptions(stateBucket, recoverAfter, consumer, value, pacer, jitter);
  }

  public RunnerOptions withPacer(Pacer value) {
    return new RunnerOptions(stateBucket, recoverAfter, consumer, clock, value, jitter);
  }
}
