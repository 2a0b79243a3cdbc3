package io.quargo.sensor.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.runner.SensorObserver;
import io.quargo.sensor.spec.Trigger;
import java.time.Duration;

/**
 * A Sensor's meters, tagged {@code namespace} and {@code sensor}, plus {@code dependency} or {@code trigger}:
 * {@value #MATCHED} and {@value #FILTERED} (events that passed or failed a dependency's filters),
 * {@value #FIRED} (effects that happened), {@value #FAILED} (failed attempts) and {@value #LATENCY} (from the
 * first attempt to the effect, retries and rate-limit waits included).
 */
final class SensorMetrics implements SensorObserver {
  static final String MATCHED = "quargo.sensor.events.matched";
  static final String FILTERED = "quargo.sensor.events.filtered";
  static final String FIRED = "quargo.sensor.triggers.fired";
  static final String FAILED = "quargo.sensor.triggers.failed";
  static final String LATENCY = "quargo.sensor.trigger.latency";

  private final MeterRegistry registry;
  private final String namespace;
  private final String sensor;

  SensorMetrics(MeterRegistry registry, String namespace, String sensor) {
    this.registry = registry;
    this.namespace = namespace;
    this.sensor = sensor;
  }

  @Override
  public void eventMatched(String dependency) {
    counter(MATCHED, "dependency", dependency).increment();
  }

  @Override
  public void eventFiltered(String dependency) {
    counter(FILTERED, "dependency", dependency).increment();
  }

  @Override
  public void triggerFired(Trigger trigger, Firing firing, Duration latency) {
    counter(FIRED, "trigger", trigger.name()).increment();
    Timer.builder(LATENCY).description("from the first attempt to the trigger's effect")
        .tags("namespace", namespace, "sensor", sensor, "trigger", trigger.name()).register(registry)
        .record(latency);
  }

  @Override
  public void triggerFailed(Trigger trigger, Firing firing, String error) {
    counter(FAILED, "trigger", trigger.name()).increment();
  }

  private Counter counter(String meter, String key, String value) {
    return Counter.builder(meter).tags("namespace", namespace, "sensor", sensor, key, value).register(registry);
  }
}
