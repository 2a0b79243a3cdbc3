package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.sensor.spec.Sensor;

/** Reads a {@code {name, key}} secret selector of a trigger spec, failing with the selector's JSON path. */
final class Secrets {
  private Secrets() {}

  static String read(SecretResolver secrets, Sensor sensor, JsonNode ref, String where) {
    String name = ref.path("name").asText("");
    String key = ref.path("key").asText("");
    if (name.isEmpty() || key.isEmpty()) {
      throw TriggerFailure.permanent(where + ": needs {name: <secret>, key: <key>}");
    }
    String value = secrets.resolve(sensor.namespace(), name, key);
    if (value == null) {
      // a secret may be created after the Sensor: worth retrying
      throw TriggerFailure.transientFailure(where + ": secret '" + name + "' has no key '" + key + "' in namespace "
          + sensor.namespace(), null);
    }
    return value;
  }
}
