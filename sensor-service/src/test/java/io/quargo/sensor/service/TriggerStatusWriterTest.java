package io.quargo.sensor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.InMemoryResourceStore;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerStatusWriterTest {
  private static final Sensor SENSOR = Yaml.sensor("counted", """
      dependencies: [{name: d, eventSourceName: s, eventName: e}]
      triggers:
        - template: {name: t, log: {}}
      """);
  private static final Trigger T = SENSOR.triggers().get(0);

  private static Firing firing(String key) {
    return new Firing("t", key, Map.of(), Instant.EPOCH);
  }

  @Test
  void coalescesOutcomesAndAddsThemToWhatOtherReplicasWrote() {
    InMemoryResourceStore store = new InMemoryResourceStore();
    store.create(Yaml.resource("apiVersion: argoproj.io/v1alpha1\nkind: Sensor\n"
        + "metadata: {name: counted, namespace: ns}\nspec: {}\n"));
    TriggerStatusWriter one = new TriggerStatusWriter(store, "ns", "counted",
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    TriggerStatusWriter two = new TriggerStatusWriter(store, "ns", "counted",
        Clock.fixed(Instant.parse("2026-01-01T00:00:05Z"), ZoneOffset.UTC));
    String before = store.get(ArgoKinds.SENSOR, "ns", "counted").orElseThrow().resourceVersion();
    one.triggerFired(T, firing("k1"), Duration.ZERO);
    one.triggerFailed(T, firing("k2"), "refused");
    one.triggerFired(T, firing("k2"), Duration.ZERO);
    assertThat(store.get(ArgoKinds.SENSOR, "ns", "counted").orElseThrow().resourceVersion()).isEqualTo(before);
    two.triggerFired(T, firing("k3"), Duration.ZERO);
    two.flush();
    one.flush();
    one.flush(); // nothing new: no write

    JsonNode status = store.get(ArgoKinds.SENSOR, "ns", "counted").orElseThrow().status().path("triggers");
    assertThat(status).hasSize(1);
    assertThat(status.get(0).path("fired").asLong()).isEqualTo(3);
    assertThat(status.get(0).path("failed").asLong()).isEqualTo(1);
    // the later outcome wins, whichever replica wrote last
    assertThat(status.get(0).path("lastExecutionKey").asText()).isEqualTo("k3");
    assertThat(status.get(0).path("lastFiredAt").asText()).isEqualTo("2026-01-01T00:00:05Z");
    assertThat(status.get(0).path("lastError").asText()).isEqualTo("refused");
  }
}
