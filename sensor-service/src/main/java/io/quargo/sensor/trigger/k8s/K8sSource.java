package io.quargo.sensor.trigger.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.trigger.TriggerFailure;
import java.util.List;

/**
 * A k8s trigger's {@code source}: the manifest written in {@code resource} (an object) or {@code inline} (YAML or
 * JSON text), or read from {@code configmap: {name, key}} in the Sensor's namespace. Argo's {@code file},
 * {@code url}, {@code git} and {@code s3} are refused when the Sensor starts.
 */
public final class K8sSource {
  private static final List<String> UNSUPPORTED = List.of("file", "url", "git", "s3");

  private K8sSource() {}

  /** @throws SensorSpecException naming the field, for a source that cannot work */
  public static void validate(JsonNode source, String where) {
    for (String kind : UNSUPPORTED) {
      if (source.has(kind) && !source.get(kind).isNull()) {
        throw new SensorSpecException(where + "." + kind, "is not supported by Quargo; write the manifest in "
            + "source.resource (or source.inline, or source.configmap: {name, key})");
      }
    }
    if (source.has("resource")) {
      if (!source.get("resource").isObject()) {
        throw new SensorSpecException(where + ".resource", "must be the object's manifest (a map with apiVersion, "
            + "kind and metadata)");
      }
    } else if (source.has("inline")) {
      if (K8sObjects.manifest(source.path("inline").asText("")).isEmpty()) {
        throw new SensorSpecException(where + ".inline", "must be one manifest as YAML or JSON text");
      }
    } else if (source.has("configmap")) {
      JsonNode cm = source.get("configmap");
      if (cm.path("name").asText("").isEmpty() || cm.path("key").asText("").isEmpty()) {
        throw new SensorSpecException(where + ".configmap", "needs {name: <configmap>, key: <key holding the "
            + "manifest>}");
      }
    } else {
      throw new SensorSpecException(where, "needs resource (the manifest), inline or configmap");
    }
  }

  /** A fresh copy of the manifest. */
  public static ObjectNode read(JsonNode source, String sensorNamespace, K8sTarget target, String where) {
    if (source.get("resource") instanceof ObjectNode r) {
      return r.deepCopy();
    }
    if (source.has("inline")) {
      return K8sObjects.manifest(source.path("inline").asText("")).orElseThrow(() -> TriggerFailure.permanent(
          where + ".inline: must be one manifest as YAML or JSON text"));
    }
    JsonNode cm = source.path("configmap");
    String name = cm.path("name").asText("");
    String key = cm.path("key").asText("");
    ObjectNode map = target.get(new ObjectRef("v1", "ConfigMap", sensorNamespace, name)).orElseThrow(() ->
        // the configmap may be created after the Sensor: worth trying again
        TriggerFailure.transientFailure(where + ".configmap: ConfigMap " + sensorNamespace + "/" + name
            + " does not exist", null));
    JsonNode text = map.path("data").get(key);
    if (text == null || !text.isTextual()) {
      throw TriggerFailure.transientFailure(where + ".configmap: ConfigMap " + sensorNamespace + "/" + name
          + " has no key '" + key + "'", null);
    }
    return K8sObjects.manifest(text.asText()).orElseThrow(() -> TriggerFailure.permanent(where + ".configmap: key '"
        + key + "' of ConfigMap " + sensorNamespace + "/" + name + " is not one manifest in YAML or JSON"));
  }
}
