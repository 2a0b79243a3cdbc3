package io.quargo.sensor.runner;

import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Trigger;
import java.time.Duration;

/**
 * Told what a runner did, for metrics and the Sensor's status. The event methods run on the consumer's thread:
 * they must not throw and must not block; {@link #flush} may write.
 */
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

  /** Tells each of {@code observers} in turn. */
  static SensorObserver all(SensorObserver... observers) {
    java.util.List<SensorObserver> list = java.util.List.of(observers);
    return new SensorObserver() {
      @Override
      public void eventMatched(String dependency) {
        list.forEach(o -> o.eventMatched(dependency));
      }

      @Override
      public void eventFiltered(String dependency) {
        list.forEach(o -> o.eventFiltered(dependency));
      }

      @Override
      public void triggerFired(Trigger trigger, Firing firing, Duration latency) {
        list.forEach(o -> o.triggerFired(trigger, firing, latency));
      }

      @Override
      public void triggerFailed(Trigger trigger, Firing firing, String error) {
        list.forEach(o -> o.triggerFailed(trigger, firing, error));
      }

      @Override
      public void flush() {
        list.forEach(SensorObserver::flush);
      }
    };
  }
}
