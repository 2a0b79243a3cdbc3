package io.quargo.sensor.runner;

import io.quargo.sensor.conditions.ConditionTracker;
import io.quargo.sensor.conditions.ExecutionKey;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.TriggerFailure;
import org.jboss.logging.Logger;

/**
 * Performs one pending firing and records it done once its effect happened. When every attempt of the
 * {@code retryStrategy} failed:
 * <ul>
 *   <li>with a {@code dlqTrigger}: the DLQ trigger is performed with the same events (under its own retry
 *   strategy); the firing is done once it succeeded, and if it failed too the event is redelivered;</li>
 *   <li>else, with a {@code retryStrategy} or a permanent failure: the failure is logged, counted and written
 *   to the Sensor's status, and the firing is recorded done, so the event is acknowledged rather than
 *   redelivered for ever;</li>
 *   <li>else (no retryStrategy, a transient failure): thrown, so the event is redelivered with the bus's backoff
 *   and the still-pending firing is performed again with the same execution key.</li>
 * </ul>
 */
final class FiringRunner {
  private static final Logger LOG = Logger.getLogger(FiringRunner.class);

  private final Sensor sensor;
  private final ConditionTracker tracker;
  private final TriggerAttempts attempts;
  private final SensorObserver observer;

  FiringRunner(Sensor sensor, ConditionTracker tracker, TriggerAttempts attempts, SensorObserver observer) {
    this.sensor = sensor;
    this.tracker = tracker;
    this.attempts = attempts;
    this.observer = observer;
  }

  void run(Trigger trigger, Firing firing) {
    long start = attempts.now();
    TriggerFailure failure = attempts.perform(trigger, firing);
    if (failure == null) {
      observer.triggerFired(trigger, firing, attempts.since(start));
      done(trigger, firing, "fired");
      return;
    }
    if (trigger.dlqTrigger() != null) {
      runDlq(trigger, firing, failure);
      return;
    }
    if (failure.permanent() || trigger.retryStrategy() != null) {
      LOG.errorf("Sensor %s/%s trigger %s failed after %d attempt(s) and is given up (execution key %s): %s",
          sensor.namespace(), sensor.name(), trigger.name(), trigger.attempts().steps(), firing.executionKey(),
          failure.getMessage());
      tracker.complete(trigger, firing);
      return;
    }
    throw failure;
  }

  private void runDlq(Trigger trigger, Firing firing, TriggerFailure failure) {
    Trigger dlq = trigger.dlqTrigger();
    LOG.warnf("Sensor %s/%s trigger %s failed (execution key %s), performing its dlqTrigger %s: %s",
        sensor.namespace(), sensor.name(), trigger.name(), firing.executionKey(), dlq.name(), failure.getMessage());
    // the DLQ effect carries a key of its own, derived from the same events
    Firing dlqFiring = new Firing(dlq.name(), ExecutionKey.of(sensor.namespace(), sensor.name(),
        trigger.name() + "\0dlqTrigger\0" + dlq.name(), firing.events()), firing.events(), firing.decidedAt());
    long start = attempts.now();
    TriggerFailure dlqFailure = attempts.perform(dlq, dlqFiring);
    if (dlqFailure == null) {
      observer.triggerFired(dlq, dlqFiring, attempts.since(start));
      done(trigger, firing, "handed to its dlqTrigger " + dlq.name());
      return;
    }
    if (dlqFailure.permanent()) {
      LOG.errorf("Sensor %s/%s: dlqTrigger %s of trigger %s cannot work and is given up (execution key %s): %s",
          sensor.namespace(), sensor.name(), dlq.name(), trigger.name(), firing.executionKey(),
          dlqFailure.getMessage());
      tracker.complete(trigger, firing);
      return;
    }
    throw TriggerFailure.transientFailure(trigger.where() + ": failed, and so did its dlqTrigger: "
        + dlqFailure.getMessage(), dlqFailure);
  }

  private void done(Trigger trigger, Firing firing, String how) {
    tracker.complete(trigger, firing);
    LOG.debugf("Sensor %s/%s trigger %s %s (execution key %s)", sensor.namespace(), sensor.name(), trigger.name(),
        how, firing.executionKey());
  }
}
