package io.quargo.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.CompatFiles;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.service.EventSourceManager;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.service.SensorManager;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.sensor.trigger.NatsTrigger;
import io.quargo.sensor.trigger.TriggerExecutor;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6: every Sensor that Argo's examples index marks runnable locally ({@code local_only = yes} in
 * shared/compat/argo-events/index.tsv) runs here against the EventSource it names, taken from the examples too.
 * Only what points outside this machine is changed: webhook ports, broker endpoints and trigger URLs go to local
 * servers. Each event is produced through the real source, and the trigger's effect is observed at its target.
 */
@ExtendWith(NatsServerExtension.class)
class UpstreamSensorsRunIT {
  private static final Path COMPAT = CompatFiles.dir().resolve("argo-events");
  /**
   * Tutorial Sensors written for Argo Events 0.x: {@code http.serverURL} (now {@code url}) and minio data keys
   * without the {@code notification} list. Argo 1.x refuses them the same way: its HTTP trigger needs a url and a
   * parameter whose dataKey finds nothing, without a default, is an error.
   */
  private static final java.util.Map<String, String> STALE = java.util.Map.of(
      "examples/tutorials/09-http-trigger/sensor-01.yaml", "spec.triggers[0].template.http.url: is required",
      "examples/tutorials/09-http-trigger/sensor-02.yaml", "spec.triggers[0].template.http.url: is required");

  @TestFactory
  Stream<DynamicTest> everyLocallyRunnableUpstreamSensorFiresItsTrigger(NatsTestServer nats) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(COMPAT.resolve("index.tsv")),
        "Argo's examples are not at " + COMPAT + "; set QUARGO_COMPAT_DIR to the shared/compat directory");
    List<String> rows = Files.readAllLines(COMPAT.resolve("index.tsv")).stream()
        .filter(l -> !l.startsWith("#")).map(l -> l.split("\t", -1))
        .filter(c -> c.length > 4 && c[1].equals("Sensor") && c[4].equals("yes")).map(c -> c[0]).toList();
    assertThat(rows).as("local Sensors in index.tsv").hasSizeGreaterThanOrEqualTo(7);
    return rows.stream().map(file -> DynamicTest.dynamicTest(file, () -> run(nats, COMPAT.resolve(file))));
  }

  private void run(NatsTestServer nats, Path sensorFile) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalTargets targets = LocalTargets.start(nats)) {
      Topology topology = new Topology(bus);
      topology.ensureStream(StandardStreams.events(StreamLimits.defaults()));
      NatsResourceStore store = new NatsResourceStore(bus, "upstream" + System.nanoTime(), 5);
      ObjectNode sensor = UpstreamManifests.single(sensorFile, "Sensor");
      List<SourceDriver> drivers = new ArrayList<>();
      for (JsonNode dep : sensor.path("spec").path("dependencies")) {
        ObjectNode eventSource = UpstreamManifests.eventSource(COMPAT.resolve("examples"), sensorFile,
            dep.path("eventSourceName").asText(), dep.path("eventName").asText());
        SourceDriver driver = SourceDriver.of(eventSource, dep.path("eventName").asText(), targets);
        drivers.add(driver);
        store.create(Resource.of(namespaced(driver.localized())));
      }
      targets.localizeTriggers(sensor);
      store.create(Resource.of(namespaced(sensor)));
      List<TriggerExecutor> executors = List.of(new LogTrigger(targets::logged),
          new HttpTrigger(targets.secrets()), new NatsTrigger(targets.secrets()));
      try (EventSourceManager sources = new EventSourceManager(bus, store, vertx, "127.0.0.1",
              targets.secrets()).start();
          SensorManager sensors = new SensorManager(bus, store, () -> executors,
              RunnerOptions.defaults().withStateBucket("upstream-state-" + System.nanoTime())).start()) {
        String name = sensor.path("metadata").path("name").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> running(store, ArgoKinds.SENSOR, name)
            && drivers.stream().allMatch(d -> running(store, ArgoKinds.EVENT_SOURCE, d.name())));
        for (SourceDriver driver : drivers) {
          driver.produce();
        }
        String stale = STALE.get(COMPAT.relativize(sensorFile).toString());
        if (stale != null) {
          // the event arrived and the trigger ran; it fails exactly as upstream's own sensor fails
          await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(store.get(ArgoKinds.SENSOR,
              "default", name).orElseThrow().status().path("triggers").path(0).path("lastError").asText())
              .contains(stale));
          assertThat(targets.effects()).isEmpty();
          return;
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(targets.effects()).as("effects of %s", sensorFile.getFileName()).isNotEmpty());
        targets.verify(sensor);
      } finally {
        drivers.forEach(SourceDriver::close);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static ObjectNode namespaced(ObjectNode manifest) {
    ((ObjectNode) manifest.path("metadata")).put("namespace", "default");
    return manifest;
  }

  private static boolean running(NatsResourceStore store, ResourceKind kind, String name) {
    return store.get(kind, "default", name).map(r -> r.status().path("phase").asText().equals("Running"))
        .orElse(false);
  }
}
