package io.quargo.sensor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.ParameterException;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Backoff;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.TriggerExecutor;
import io.quargo.sensor.trigger.TriggerFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Performs a trigger's effect within its {@code rateLimit}, up to {@code retryStrategy.steps} times with the
 * backoff's waits in between. A permanent failure (a spec or parameter that cannot work) is not attempted again.
 */
final class TriggerAttempts {
  private final Sensor sensor;
  private final Map<String, TriggerExecutor> executors;
  private final Pacer pacer;
  private final DoubleSupplier random;
  private final SensorObserver observer;
  private final RateLedger rates;
  private final LongSupplier rateClock;
  private final Map<String, TriggerRateLimiter> limiters = new ConcurrentHashMap<>();

  /**
   * @param rates where rate-limit bookings are kept (KV, shared by the Sensor's replicas, in the runner)
   * @param rateClock the time those bookings are made in (wall-clock epoch nanos for a shared ledger)
   */
  TriggerAttempts(Sensor sensor, Map<String, TriggerExecutor> executors, Pacer pacer, DoubleSupplier random,
      SensorObserver observer, RateLedger rates, LongSupplier rateClock) {
    this.sensor = sensor;
    this.executors = executors;
    this.pacer = pacer;
    this.random = random;
    this.observer = observer;
    this.rates = rates;
    this.rateClock = rateClock;
  }

  /** Rate limits counted in this process only, on the pacer's clock. */
  TriggerAttempts(Sensor sensor, Map<String, TriggerExecutor> executors, Pacer pacer, DoubleSupplier random,
      SensorObserver observer) {
    this(sensor, executors, pacer, random, observer, RateLedger.local(), pacer::nanoTime);
  }

  /**
   * @return null when the effect happened, else the last attempt's failure
   * @throws TriggerFailure (transient) when interrupted while waiting: the runner is stopping
   */
  TriggerFailure perform(Trigger trigger, Firing firing) {
    Backoff backoff = trigger.attempts();
    TriggerFailure last = null;
    for (int attempt = 1; attempt <= backoff.steps(); attempt++) {
      try {
        if (attempt > 1) {
          pacer.sleep(backoff.delayBefore(attempt - 1, random.getAsDouble()));
        }
        if (trigger.rateLimit() != null) {
          limiters.computeIfAbsent(trigger.where(), w -> new TriggerRateLimiter(trigger.rateLimit(), pacer,
              rateClock, rates, rateKey(trigger))).take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw TriggerFailure.transientFailure(trigger.where() + ": interrupted while waiting to retry", e);
      }
      try {
        once(trigger, firing);
        return null;
      } catch (TriggerFailure e) {
        last = e;
        observer.triggerFailed(trigger, firing, e.getMessage());
        if (e.permanent()) {
          break;
        }
      }
    }
    return last;
  }

  /** {@code <namespace>.<sensor>.rate.<trigger>}: beside the trigger's condition state in the same bucket. */
  private String rateKey(Trigger trigger) {
    String t = Base64.getUrlEncoder().withoutPadding().encodeToString(trigger.name().getBytes(StandardCharsets.UTF_8));
    return sensor.namespace() + "." + sensor.name() + ".rate." + t;
  }

  private void once(Trigger trigger, Firing firing) {
    TriggerExecutor executor = executors.get(SensorRunner.kindKey(trigger.type()));
    try {
      JsonNode template = TriggerParameters.apply(trigger.template(), trigger.parameters(), firing.events());
      if (!(template instanceof ObjectNode object) || !object.path(trigger.type()).isObject()) {
        throw TriggerFailure.permanent(trigger.where() + ".parameters: after the parameters the template is no"
            + " longer an object with '" + trigger.type() + "'; check the dest of each parameter");
      }
      executor.execute(sensor, trigger, object, firing);
    } catch (ParameterException e) {
      throw TriggerFailure.permanent(e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof TriggerFailure) {
        throw e;
      }
      // an executor bug or an unexpected client error: reported like a transient failure, never lost
      throw TriggerFailure.transientFailure(trigger.where() + ": " + e, e);
    }
  }

  Duration since(long startNanos) {
    return Duration.ofNanos(pacer.nanoTime() - startNanos);
  }

  long now() {
    return pacer.nanoTime();
  }
}
