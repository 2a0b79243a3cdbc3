package io.quargo.sensor.runner;

import io.quargo.eventbus.consume.ConsumerOptions;
import java.time.Clock;
import java.time.Duration;

/**
 * @param stateBucket the KV bucket holding trigger condition state (shared by every replica of every Sensor)
 * @param recoverAfter how long a firing may stay pending before any replica takes it over as abandoned
 * @param consumer how each dependency's durable consumer runs (retry backoff for failed triggers, ...)
 * @param clock for saving and reset times
 */
public record RunnerOptions(String stateBucket, Duration recoverAfter, ConsumerOptions consumer, Clock clock) {
  public static final String DEFAULT_STATE_BUCKET = "sensor-state";

  /** Events of one dependency handled at once by one replica: firings overlap their effects' round trips. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /**
   * Handlers run {@value #DEFAULT_CONCURRENCY} at a time per dependency: condition state is compare-and-set and
   * "latest wins" compares event times, so the order in which a replica handles events does not change a result.
   */
  public static RunnerOptions defaults() {
    return new RunnerOptions(DEFAULT_STATE_BUCKET, Duration.ofMinutes(2),
        ConsumerOptions.defaults().withConcurrency(DEFAULT_CONCURRENCY), Clock.systemUTC());
  }

  public RunnerOptions withStateBucket(String value) {
    return new RunnerOptions(value, recoverAfter, consumer, clock);
  }

  public RunnerOptions withRecoverAfter(Duration value) {
    return new RunnerOptions(stateBucket, value, consumer, clock);
  }

  public RunnerOptions withConsumer(ConsumerOptions value) {
    return new RunnerOptions(stateBucket, recoverAfter, value, clock);
  }
}
