package io.quargo.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.resource.Resource;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorParser;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helper: YAML text to trees, resources and parsed Sensors. */
public final class Yaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Yaml() {}

  public static JsonNode tree(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Resource resource(String text) {
    return Resource.of((ObjectNode) tree(text));
  }

  /** A Sensor named {@code s} in namespace {@code ns} with the given spec YAML (indented as under spec:). */
  public static Sensor sensor(String specYaml) {
    return sensor("s", specYaml);
  }

  /** A Sensor with the given name in namespace {@code ns}. */
  public static Sensor sensor(String name, String specYaml) {
    String doc = "apiVersion: argoproj.io/v1alpha1\nkind: Sensor\nmetadata: {name: " + name + ", namespace: ns}\nspec:\n"
        + specYaml.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
    return SensorParser.parse(resource(doc));
  }
}
