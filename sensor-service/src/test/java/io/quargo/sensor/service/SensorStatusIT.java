package io.quargo.sensor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.ConsumerOptions;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.HttpSink;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.core.secret.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** status.triggers[] written through the resource store on NATS KV, and the Micrometer meters, by the manager. */
@ExtendWith(NatsServerExtension.class)
class SensorStatusIT {
  private static CloudEvent event(String id, boolean ok) {
    return CloudEvent.builder().id(id).source("hooks").type("webhook").subject("a")
        .data(Json.parse(("{\"body\": {\"ok\": " + ok + "}}").getBytes(StandardCharsets.UTF_8))).build();
  }

  @Test
  void countsOutcomesPerTriggerInStatusAndMeters(NatsTestServer nats) {
    String run = "st" + System.nanoTime();
    try (HttpSink sink = new HttpSink();
        BusConnection bus = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", nats.url())))) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      NatsResourceStore store = new NatsResourceStore(bus, run, 5);
      store.create(Yaml.resource("""
          apiVersion: argoproj.io/v1alpha1
          kind: Sensor
          metadata: {name: counted, namespace: ns}
          spec:
            dependencies:
              - name: dep
                eventSourceName: hooks
                eventName: a
                filters: {data: [{path: body.ok, type: bool, value: ["true"]}]}
            triggers:
              - template: {name: call, http: {url: "%s"}}
                policy: {status: {allow: [200]}}
                retryStrategy: {steps: 2, duration: 10ms}
          """.formatted(sink.url("/hook"))));
      sink.statuses.add(503);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      RunnerOptions options = RunnerOptions.defaults().withStateBucket(run + "-state")
          .withConsumer(ConsumerOptions.defaults().withPullWait(Duration.ofSeconds(1)));
      try (SensorManager manager = new SensorManager(bus, store, () -> List.of(new HttpTrigger(SecretResolver.none())),
          options, registry).withStatusInterval(Duration.ofMillis(200)).start()) {
        await().atMost(Duration.ofSeconds(20)).until(() -> phase(store).equals("Running"));
        Publisher publisher = new Publisher(bus);
        publisher.publishEvent("ns", event(run + "-no", false));
        publisher.publishEvent("ns", event(run + "-yes", true));

        await().atMost(Duration.ofSeconds(30)).until(() -> trigger(store).path("fired").asLong() == 1);
        JsonNode status = trigger(store);
        assertThat(status.path("name").asText()).isEqualTo("call");
        assertThat(status.path("failed").asLong()).isEqualTo(1);
        assertThat(status.path("lastExecutionKey").asText())
            .isEqualTo(sink.requests.get(1).header(HttpTrigger.TRIGGER_ID_HEADER));
        assertThat(status.path("lastError").asText()).contains("answered 503");
        assertThat(status.path("lastFiredAt").asText()).isNotEmpty();
        assertThat(phase(store)).isEqualTo("Running");

        assertThat(registry.get(SensorMetrics.MATCHED).tags("dependency", "dep").counter().count()).isEqualTo(1);
        assertThat(registry.get(SensorMetrics.FILTERED).tags("dependency", "dep").counter().count()).isEqualTo(1);
        assertThat(registry.get(SensorMetrics.FIRED).tags("trigger", "call").counter().count()).isEqualTo(1);
        assertThat(registry.get(SensorMetrics.FAILED).tags("trigger", "call").counter().count()).isEqualTo(1);
        assertThat(registry.get(SensorMetrics.LATENCY).tags("namespace", "ns", "sensor", "counted", "trigger", "call")
            .timer().count()).isEqualTo(1);
      }
    }
  }

  private static String phase(NatsResourceStore store) {
    return store.get(ArgoKinds.SENSOR, "ns", "counted").map(Resource::status).map(s -> s.path("phase").asText(""))
        .orElse("");
  }

  private static JsonNode trigger(NatsResourceStore store) {
    return store.get(ArgoKinds.SENSOR, "ns", "counted").orElseThrow().status().path("triggers").path(0);
  }
}
