package io.quargo.sensor.spec;

import static io.quargo.sensor.spec.SpecReader.list;
import static io.quargo.sensor.spec.SpecReader.requireObject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an {@code argoproj.io/v1alpha1} Sensor resource. Every problem is a {@link SensorSpecException} naming the
 * JSON path ({@code spec.dependencies[1].filters.data[0].value[2]}) and what to write instead. Fields this service
 * does not act on (template, replicas, eventBusName, ...) are accepted and left alone.
 */
public final class SensorParser {
  private SensorParser() {}

  public static Sensor parse(Resource resource) {
    if (!"Sensor".equals(resource.kind())) {
      throw new SensorSpecException("kind", "must be Sensor, got '" + resource.kind() + "'");
    }
    if (!"argoproj.io/v1alpha1".equals(resource.apiVersion())) {
      throw new SensorSpecException("apiVersion", "must be argoproj.io/v1alpha1, got '" + resource.apiVersion() + "'");
    }
    String name = resource.name();
    if (name == null || name.isBlank()) {
      throw new SensorSpecException("metadata.name", "is required");
    }
    JsonNode spec = requireObject(resource.spec(), "spec");
    List<EventDependency> deps = list(spec, "dependencies", "spec", SensorParser::dependency);
    if (deps.isEmpty()) {
      throw new SensorSpecException("spec.dependencies", "needs at least one dependency");
    }
    List<String> names = uniqueNames(deps);
    List<Trigger> triggers = list(spec, "triggers", "spec", (n, p) -> TriggerParser.trigger(n, p, names));
    if (triggers.isEmpty()) {
      throw new SensorSpecException("spec.triggers", "needs at least one trigger");
    }
    Set<String> triggerNames = new HashSet<>();
    for (Trigger t : triggers) {
      if (!triggerNames.add(t.name())) {
        throw new SensorSpecException(t.where() + ".template.name", "trigger name '" + t.name()
            + "' is used twice; trigger names must be unique within a Sensor");
      }
      checkParameterDependencies(t, names);
    }
    String namespace = resource.namespace() == null || resource.namespace().isBlank() ? "default"
        : resource.namespace();
    return new Sensor(namespace, name, List.copyOf(deps), List.copyOf(triggers));
  }

  private static EventDependency dependency(JsonNode node, String path) {
    requireObject(node, path);
    return new EventDependency(
        SpecReader.requiredText(node, "name", path),
        SpecReader.requiredText(node, "eventSourceName", path),
        SpecReader.requiredText(node, "eventName", path),
        FilterParser.filters(node, path),
        LogicalOperator.read(node, "filtersLogicalOperator", path),
        FilterParser.transform(node, path));
  }

  private static List<String> uniqueNames(List<EventDependency> deps) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < deps.size(); i++) {
      String n = deps.get(i).name();
      if (names.contains(n)) {
        throw new SensorSpecException("spec.dependencies[" + i + "].name", "dependency name '" + n
            + "' is used twice; dependency names must be unique within a Sensor");
      }
      names.add(n);
    }
    return names;
  }

  private static void checkParameterDependencies(Trigger t, List<String> names) {
    List<TriggerParameter> all = new ArrayList<>(t.parameters());
    all.addAll(t.typeParameters());
    all.addAll(t.payload());
    for (TriggerParameter p : all) {
      if (!names.contains(p.src().dependencyName())) {
        throw new SensorSpecException(p.where() + ".src.dependencyName", "'" + p.src().dependencyName()
            + "' is not a dependency of this Sensor; declared are " + names);
      }
    }
  }
}
