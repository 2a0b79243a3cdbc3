package io.quargo.sensor.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;

/** Performs one kind of trigger ({@code log}, {@code http}, ...) for a firing. */
public interface TriggerExecutor {
  /** The template key this executor serves, as Argo spells it. */
  String kind();

  /**
   * Refuses, when the runner starts, a trigger asking for what this executor does not do, rather than ignoring
   * it per event.
   *
   * @throws io.quargo.sensor.spec.SensorSpecException naming the JSON path
   */
  default void validate(Trigger trigger) {
  }

  /**
   * Performs the effect, carrying {@code firing.executionKey()} so a repeat is recognisable downstream.
   *
   * @param template the trigger's {@code template} with the trigger-level {@code parameters} applied
   * @throws TriggerFailure when the effect did not happen
   */
  void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing);
}
