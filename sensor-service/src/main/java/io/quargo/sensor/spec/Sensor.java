package io.quargo.sensor.spec;

import java.util.List;
import java.util.Optional;

/** A parsed {@code argoproj.io/v1alpha1} Sensor: what the evaluator and the trigger runner need. */
public record Sensor(String namespace, String name, List<EventDependency> dependencies, List<Trigger> triggers) {

  public Optional<EventDependency> dependency(String depName) {
    return dependencies.stream().filter(d -> d.name().equals(depName)).findFirst();
  }
}
