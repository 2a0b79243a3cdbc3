package io.quargo.sensor.runner;

import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Trigger;
import java.time.Duration;

/** Told what a runner did, for metrics and the Sensor's status; must not throw and must not block. */
public interface SensorObserver {
  SensorObserver NONE = new SensorObserver() { };

  /** An event passed a dependency's filters. */
  default void eventMatched(String dependency) {
  }

  /** An event failed a dependency's filters. */
  default void eventFiltered(String dependency) {
  }

  /** A trigger's effect happened (after {@code latency} including retries and rate-limit waits). */
  default void triggerFired(Trigger trigger, Firing firing, Duration latency) {
  }

  /** One attempt at a trigger's effect failed. */
  default void triggerFailed(Trigger trigger, Firing firing, String error) {
  }

  /** Sends what was held back (called when the runner stops). */
  default void flush() {
  }
}
