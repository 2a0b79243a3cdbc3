package io.quargo.sensor.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Test helper: one webhook event and a sensor with one trigger, fired the way the runner fires it. */
final class Fire {
  static final CloudEvent EVENT = CloudEvent.builder().id("e1").source("hooks").type("webhook").subject("a")
      .data(Json.parse(("{\"body\": {\"to\": \"obi@example.org\", \"name\": \"Obi\", \"channel\": \"alerts\","
          + " \"message\": \"disk full\", \"n\": 7, \"key\": \"k-7\"}}").getBytes(StandardCharsets.UTF_8))).build();
  static final Firing FIRING = new Firing("t", "exec-key-1", Map.of("dep", EVENT), Instant.EPOCH);

  private Fire() {}

  /** A sensor in namespace ns with dependency dep and the given trigger (YAML at column 0, starting at template). */
  static Sensor sensor(String triggerYaml) {
    return Yaml.sensor("dependencies: [{name: dep, eventSourceName: hooks, eventName: a}]\ntriggers:\n  - "
        + triggerYaml.indent(4).substring(4));
  }

  static void fire(TriggerExecutor executor, Sensor sensor) {
    Trigger t = sensor.triggers().get(0);
    executor.validate(t);
    ObjectNode template = (ObjectNode) TriggerParameters.apply(t.template(), t.parameters(), FIRING.events());
    executor.execute(sensor, t, template, FIRING);
  }
}
