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
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.service.EventSourceManager;
import io.quargo.kube.ClusterAccess;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.service.SensorManager;
import io.quargo.sensor.trigger.K8sTrigger;
import io.quargo.sensor.trigger.k8s.ClusterTarget;
import io.quargo.sensor.trigger.k8s.LocalTarget;
import io.quargo.workflow.controller.LifecycleSink;
import io.quargo.workflow.controller.WorkflowCommandConsumer;
import io.quargo.workflow.controller.WorkflowCommands;
import io.quargo.workflow.controller.WorkflowController;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.executor.local.LocalExecutor;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, standalone: the upstream example Sensors whose triggers are all {@code k8s} creates of an
 * argoproj.io Workflow, with webhook or calendar dependencies and no filters or transforms to satisfy (index.tsv:
 * {@code sources-only}), run unchanged in one process against the EventSource they name. With no apiserver the
 * k8s trigger submits each Workflow through the workflow-service, and it must run to Succeeded: one Workflow per
 * trigger and event, labelled as Argo labels it.
 */
@ExtendWith(NatsServerExtension.class)
class UpstreamK8sWorkflowSensorsRunIT {
  private static final Path COMPAT = CompatFiles.dir().resolve("argo-events");
  /**
   * Sensors whose parameters read body fields the test's webhook call does not send ({@link SourceDriver}); Argo
   * fails them the same way, as a parameter without a default that resolves to nothing is an error.
   */
  private static final java.util.Map<String, String> UNRESOLVED = java.util.Map.of(
      "examples/sensors/multi-dependencies.yaml", "dataKey 'body.a' found nothing",
      "examples/sensors/trigger-with-template.yaml", "parameters[2]: unable to resolve a value");

  @TestFactory
  Stream<DynamicTest> upstreamK8sWorkflowTriggersRunTheirWorkflowsHere(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(COMPAT.resolve("index.tsv")),
        "Argo's examples are not at " + COMPAT + "; set QUARGO_COMPAT_DIR to the shared/compat directory");
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(COMPAT.resolve("index.tsv"))) {
      String[] c = line.split("\t", -1);
      if (!line.startsWith("#") && c.length > 4 && c[1].equals("Sensor") && c[4].equals("sources-only")
          && c[3].matches("sources=(webhook|calendar)(\\+(webhook|calendar))*;triggers=k8s(\\+k8s)*")
          && createsWorkflowsOnly(UpstreamManifests.single(COMPAT.resolve(c[0]), "Sensor"))
          && eventSourcesExist(COMPAT.resolve(c[0]))) {
        rows.add(c[0]);
      }
    }
    assertThat(rows).as("upstream k8s-Workflow Sensors in index.tsv").contains("examples/sensors/webhook.yaml",
        "examples/sensors/trigger-with-policy.yaml", "examples/sensors/calendar.yaml").hasSizeGreaterThanOrEqualTo(7);
    return rows.stream().map(file -> DynamicTest.dynamicTest(file, () -> run(nats, dir, COMPAT.resolve(file))));
  }

  /** Every trigger creates a Workflow written in source.resource, and no dependency filters or transforms. */
  private static boolean createsWorkflowsOnly(ObjectNode sensor) {
    for (JsonNode dep : sensor.path("spec").path("dependencies")) {
      if (dep.has("filters") || dep.has("transform")) {
        return false;
      }
    }
    for (JsonNode t : sensor.path("spec").path("triggers")) {
      JsonNode k8s = t.path("template").path("k8s");
      if (!k8s.path("source").path("resource").path("kind").asText().equals("Workflow")
          || !k8s.path("operation").asText("create").equals("create")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the examples hold the EventSource of every dependency: dependencies-conditions.yaml names an event
   * example-foo that no example EventSource has.
   */
  private static boolean eventSourcesExist(Path sensorFile) throws Exception {
    for (JsonNode dep : UpstreamManifests.single(sensorFile, "Sensor").path("spec").path("dependencies")) {
      try {
        UpstreamManifests.eventSource(COMPAT.resolve("examples"), sensorFile, dep.path("eventSourceName").asText(),
            dep.path("eventName").asText());
      } catch (AssertionError e) {
        return false;
      }
    }
    return true;
  }

  private void run(NatsTestServer nats, Path dir, Path sensorFile) throws Exception {
    Vertx vertx = Vertx.vertx();
    String prefix = "k8s" + System.nanoTime();
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalTargets targets = LocalTargets.start(nats);
        LocalExecutor executor = new LocalExecutor(dir.resolve(prefix))) {
      Topology topology = new Topology(bus);
      topology.ensureStream(StandardStreams.events(StreamLimits.defaults()));
      topology.ensureStream(StandardStreams.lifecycle(StreamLimits.defaults()));
      topology.ensureStream(StandardStreams.commands(StreamLimits.defaults()));
      NatsResourceStore store = new NatsResourceStore(bus, prefix, 5);
      ObjectNode sensor = UpstreamManifests.single(sensorFile, "Sensor");
      List<SourceDriver> drivers = new ArrayList<>();
      for (JsonNode dep : sensor.path("spec").path("dependencies")) {
        ObjectNode eventSource = UpstreamManifests.eventSource(COMPAT.resolve("examples"), sensorFile,
            dep.path("eventSourceName").asText(), dep.path("eventName").asText());
        SourceDriver driver = SourceDriver.of(eventSource, dep.path("eventName").asText(), targets);
        drivers.add(driver);
        ObjectNode localized = namespaced(driver.localized());
        java.util.Optional<Resource> stored = store.get(ArgoKinds.EVENT_SOURCE, "default", driver.name());
        if (stored.isEmpty()) {
          store.create(Resource.of(localized));
        } else {
          // a second dependency on the same EventSource: its event, as localized, joins the stored one
          ObjectNode merged = stored.get().tree().deepCopy();
          localized.path("spec").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(
              event -> merged.with("spec").with(type.getKey()).set(event.getKey(), event.getValue())));
          store.update(Resource.of(merged));
        }
      }
      store.create(Resource.of(namespaced(sensor)));
      K8sTrigger k8s = new K8sTrigger(new LocalTarget(new Publisher(bus), store,
          new ClusterTarget(ClusterAccess.none())));
      try (WorkflowController controller = new WorkflowController(store, executor, LifecycleSink.NONE,
              new EngineSettings("host", true), Clock.systemUTC());
          WorkflowCommandConsumer commands = start(bus, store, controller);
          EventSourceManager sources = new EventSourceManager(bus, store, vertx, "127.0.0.1",
              targets.secrets()).start();
          SensorManager sensors = new SensorManager(bus, store, () -> List.of(k8s),
              RunnerOptions.defaults().withStateBucket(prefix + "-state")).start()) {
        String name = sensor.path("metadata").path("name").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> running(store, ArgoKinds.SENSOR, name)
            && drivers.stream().allMatch(d -> running(store, ArgoKinds.EVENT_SOURCE, d.name())));
        for (SourceDriver driver : drivers) {
          // a source reports Running as it starts listening: a refused connection delivered nothing, try again
          await().atMost(Duration.ofSeconds(20)).ignoreException(java.net.ConnectException.class)
              .until(() -> {
                driver.produce();
                return true;
              });
        }
        String unresolved = UNRESOLVED.get(COMPAT.relativize(sensorFile).toString());
        if (unresolved != null) {
          // the event arrived and the trigger ran; it fails exactly as upstream's own sensor fails
          await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(store.get(ArgoKinds.SENSOR,
              "default", name).orElseThrow().status().path("triggers").path(0).path("lastError").asText())
              .contains(unresolved));
          assertThat(store.list(ArgoKinds.WORKFLOW, "default").items()).isEmpty();
          return;
        }
        for (JsonNode t : sensor.path("spec").path("triggers")) {
          String trigger = t.path("template").path("name").asText();
          await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(workflows(store, trigger))
              .as("Workflows of trigger %s", trigger).isNotEmpty()
              .allSatisfy(w -> assertThat(w.status().path("phase").asText()).isEqualTo("Succeeded")));
          Resource wf = workflows(store, trigger).get(0);
          assertThat(wf.labels()).containsEntry("events.argoproj.io/sensor", name)
              .containsKey(K8sTrigger.EXECUTION_KEY);
        }
        if (drivers.stream().noneMatch(d -> d instanceof SourceDriver.Calendar)) {
          // one webhook call per dependency: each trigger ran once
          for (JsonNode t : sensor.path("spec").path("triggers")) {
            assertThat(workflows(store, t.path("template").path("name").asText())).hasSize(1);
          }
        }
      } finally {
        drivers.forEach(SourceDriver::close);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static List<Resource> workflows(NatsResourceStore store, String trigger) {
    return store.list(ArgoKinds.WORKFLOW, "default").items().stream()
        .filter(w -> trigger.equals(w.labels().get("events.argoproj.io/trigger"))).toList();
  }

  private static WorkflowCommandConsumer start(BusConnection bus, NatsResourceStore store,
      WorkflowController controller) {
    controller.start();
    return WorkflowCommandConsumer.start(bus, new WorkflowCommands(store, controller, Clock.systemUTC()));
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
