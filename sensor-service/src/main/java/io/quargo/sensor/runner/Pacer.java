package io.quargo.sensor.runner;

import java.time.Duration;

/** Monotonic time and sleeping, for retry waits and rate limits; tests pass one that only advances a counter. */
public interface Pacer {
  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  static Pacer system() {
    return new Pacer() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
      }
    };
  }
}
