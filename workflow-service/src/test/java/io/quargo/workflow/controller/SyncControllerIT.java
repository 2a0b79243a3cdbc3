package io.quargo.workflow.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.executor.local.LocalExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synchronization} in the controller over a real NATS KV store and real processes: workflows sharing a
 * lock never overlap, a semaphore's limit comes from a ConfigMap in the store, and a held lock survives a restart.
 */
@ExtendWith(NatsServerExtension.class)
class SyncControllerIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static String workflow(String name, String sync, String sleep) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: %s, namespace: default}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: work, template: work}
          - name: work
            synchronization: %s
            container: {image: busybox, command: [sh, -c, "sleep %s; echo done"]}
        """.formatted(name, sync, sleep);
  }

  private static Resource resource(String yaml) {
    return ManifestLoader.load(yaml, "test.yaml").get(0).resource();
  }

  private static JsonNode status(NatsResourceStore store, String name) {
    return store.get(ArgoKinds.WORKFLOW, "default", name).orElseThrow().status();
  }

  private static boolean phase(NatsResourceStore store, String name, String phase) {
    return status(store, name).path("phase").asText().equals(phase);
  }

  private static JsonNode pod(JsonNode status) {
    for (JsonNode n : status.path("nodes")) {
      if (n.path("type").asText().equals("Pod")) {
        return n;
      }
    }
    throw new AssertionError("no pod node in " + status);
  }

  private static Instant at(JsonNode node, String field) {
    return Instant.parse(node.path(field).asText());
  }

  /** Node phase events of both workflows in the order the engine made them. */
  private static LifecycleSink recorder(List<String> events) {
    return (ns, name, type, data) -> {
      if (type.equals("node.phase") && data.path("type").asText().equals("Pod")) {
        synchronized (events) {
          events.add(name + ":" + data.path("phase").asText());
        }
      }
    };
  }

  @Test
  void twoWorkflowsSharingAMutexNeverOverlap(NatsTestServer nats, @TempDir Path dir) throws Exception {
    List<String> events = new ArrayList<>();
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "sync-m-" + System.nanoTime(), 5);
      try (WorkflowController controller = new WorkflowController(store, executor, recorder(events),
          new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        controller.submit(resource(workflow("first", "{mutexes: [{name: shared}]}", "2")));
        controller.submit(resource(workflow("second", "{mutex: {name: shared}}", "2")));
        await().atMost(WAIT).until(() -> phase(store, "second", "Pending")
            || status(store, "second").path("nodes").toString().contains("Waiting for default/Mutex/shared lock"));
        await().atMost(WAIT).until(() -> phase(store, "first", "Succeeded") && phase(store, "second", "Succeeded"));
      }
      assertNoOverlap(store, events, "first", "second");
    }
  }

  @Test
  void aSemaphoreTakesItsLimitFromAConfigMapInTheStore(NatsTestServer nats, @TempDir Path dir) throws Exception {
    List<String> events = new ArrayList<>();
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "sync-s-" + System.nanoTime(), 5);
      store.create(Resource.of(Json.MAPPER.readTree("""
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "my-config", "namespace": "default"},
           "data": {"template": "1"}}""")));
      String sem = "{semaphores: [{configMapKeyRef: {name: my-config, key: template}}]}";
      try (WorkflowController controller = new WorkflowController(store, executor, recorder(events),
          new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        controller.submit(resource(workflow("one", sem, "2")));
        controller.submit(resource(workflow("two", sem, "2")));
        controller.submit(resource(workflow("nomap",
            "{semaphore: {configMapKeyRef: {name: absent, key: template}}}", "0")));
        await().atMost(WAIT).until(() -> phase(store, "one", "Succeeded") && phase(store, "two", "Succeeded"));
        await().atMost(WAIT).until(() -> phase(store, "nomap", "Failed"));
      }
      assertNoOverlap(store, events, "one", "two");
      JsonNode failed = pod(status(store, "nomap"));
      assertThat(failed.path("phase").asText()).isEqualTo("Error");
      assertThat(failed.path("message").asText()).isEqualTo("failed to initialize semaphore"
          + " default/ConfigMap/absent/template: configmaps \"absent\" not found in namespace default; create it"
          + " with data.template set to the limit (quargo apply -f <configmap.yaml>)");
    }
  }

  @Test
  void aConfigMapPutIntoItsKvBucketSetsTheLimitAndAChangeLetsWaitersIn(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      String prefix = "sync-c-" + System.nanoTime();
      NatsResourceStore store = new NatsResourceStore(bus, prefix, 5);
      String wfSem = """
          apiVersion: argoproj.io/v1alpha1
          kind: Workflow
          metadata: {name: %s, namespace: default}
          spec:
            entrypoint: main
            synchronization: {semaphore: {configMapKeyRef: {name: limits, key: workflow}}}
            templates:
            - name: main
              container: {image: busybox, command: [sh, -c, "sleep 30"]}
          """;
      try (WorkflowController controller = new WorkflowController(store, executor, LifecycleSink.NONE,
          new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start(); // opens the configmaps bucket
        var kv = bus.nats().keyValue(prefix + "-configmaps");
        kv.put("default.limits", configMap("1"));
        for (String name : List.of("w1", "w2", "w3")) {
          controller.submit(resource(wfSem.formatted(name)));
        }
        await().atMost(WAIT).until(() -> running(store, "w1", "w2", "w3") == 1);
        String waiting = List.of("w1", "w2", "w3").stream().map(n -> status(store, n))
            .filter(s -> s.path("phase").asText().equals("Pending")).findFirst().orElseThrow()
            .path("message").asText();
        assertThat(waiting).isEqualTo("Waiting for default/ConfigMap/limits/workflow lock. Lock status: 0/1");
        kv.put("default.limits", configMap("3"));
        await().atMost(WAIT).until(() -> running(store, "w1", "w2", "w3") == 3);
      }
    }
  }

  private static byte[] configMap(String limit) {
    return ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"limits\","
        + "\"namespace\":\"default\"},\"data\":{\"workflow\":\"" + limit + "\"}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static long running(NatsResourceStore store, String... names) {
    return java.util.Arrays.stream(names).map(n -> status(store, n))
        .filter(s -> s.path("nodes").toString().contains("\"phase\":\"Running\"")).count();
  }

  @Test
  void aLockHeldWhenTheControllerDiesIsStillHeldAfterItsRestart(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    List<String> events = new ArrayList<>();
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      NatsResourceStore store = new NatsResourceStore(bus, "sync-r-" + System.nanoTime(), 5);
      // the waiter's name sorts first: a restarted controller that forgot the holder would hand it the lock
      String holder = workflow("b-holder", "{mutex: {name: shared}}", "30")
          .replace("container:", "retryStrategy: {limit: 2, retryPolicy: Always}\n    container:");
      try (LocalExecutor first = new LocalExecutor(dir.resolve("a"));
          WorkflowController controller = new WorkflowController(store, first, recorder(events),
              new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        controller.submit(resource(holder));
        await().atMost(WAIT).until(() -> status(store, "b-holder").path("nodes").toString()
            .contains("\"phase\":\"Running\",\"boundaryID\""));
        controller.submit(resource(workflow("a-waiter", "{mutex: {name: shared}}", "0")));
        await().atMost(WAIT).until(() -> status(store, "a-waiter").path("nodes").toString()
            .contains("Waiting for default/Mutex/shared lock. Lock status: 0/1"));
        assertThat(status(store, "b-holder").path("synchronization").path("mutex").path("holding").toString())
            .contains("\"mutex\":\"default/Mutex/shared\"");
      } // the controller and its processes go away mid-run, with nothing released
      Resource stored = store.get(ArgoKinds.WORKFLOW, "default", "b-holder").orElseThrow();
      store.update(stored.withSpec(resource(holder.replace("sleep 30", "sleep 2")).spec()));
      try (LocalExecutor second = new LocalExecutor(dir.resolve("b"));
          WorkflowController controller = new WorkflowController(store, second, recorder(events),
              new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        await().atMost(WAIT).until(() -> phase(store, "b-holder", "Succeeded")
            && phase(store, "a-waiter", "Succeeded"));
      }
      JsonNode holderStatus = status(store, "b-holder");
      Instant holderDone = at(holderStatus, "finishedAt");
      JsonNode waiterPod = pod(status(store, "a-waiter"));
      assertThat(at(waiterPod, "startedAt")).isAfterOrEqualTo(holderDone);
      synchronized (events) {
        assertThat(events.indexOf("a-waiter:Running")).isGreaterThan(events.lastIndexOf("b-holder:Succeeded"));
      }
      assertThat(holderStatus.has("synchronization")).isFalse();
    }
  }

  private static void assertNoOverlap(NatsResourceStore store, List<String> events, String a, String b) {
    JsonNode podA = pod(status(store, a));
    JsonNode podB = pod(status(store, b));
    boolean aFirst = !at(podA, "startedAt").isAfter(at(podB, "startedAt"));
    JsonNode earlier = aFirst ? podA : podB;
    JsonNode later = aFirst ? podB : podA;
    assertThat(at(later, "startedAt")).isAfterOrEqualTo(at(earlier, "finishedAt"));
    synchronized (events) {
      String first = aFirst ? a : b;
      String second = aFirst ? b : a;
      assertThat(events).contains(first + ":Running", first + ":Succeeded", second + ":Running");
      assertThat(events.indexOf(second + ":Running")).isGreaterThan(events.indexOf(first + ":Succeeded"));
    }
  }
}
