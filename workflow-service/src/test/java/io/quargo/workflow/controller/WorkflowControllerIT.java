package io.quargo.workflow.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.WorkflowActions;
import io.quargo.workflow.executor.local.LocalExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The controller over a real NATS KV store and real local processes: runs, persists, recovers, acts. */
@ExtendWith(NatsServerExtension.class)
class WorkflowControllerIT {

  private static Resource workflow(String yaml) {
    return ManifestLoader.load(yaml, "test.yaml").get(0).resource();
  }

  private static final String TWO_STEPS = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: two-, namespace: default}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: quick, template: quick}
          - - {name: slow, template: slow}
        - name: quick
          container: {image: busybox, command: [sh, -c, "echo quick"]}
        - name: slow
          retryStrategy: {limit: 2, retryPolicy: Always}
          container: {image: busybox, command: [sh, -c, "sleep $(cat /tmp/nap 2>/dev/null || echo 0); echo slow"]}
      """;

  private static JsonNode status(NatsResourceStore store, Resource wf) {
    return store.get(ArgoKinds.WORKFLOW, "default", wf.name()).orElseThrow().status();
  }

  @Test
  void aSubmittedWorkflowRunsAndItsStatusIsStoredAfterEveryTransition(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "wfc-" + System.nanoTime(), 5);
      List<String> events = new ArrayList<>();
      LifecycleSink sink = (ns, name, type, data) -> {
        synchronized (events) {
          events.add(type + ":" + data.path("displayName").asText(name) + ":" + data.path("phase").asText());
        }
      };
      try (WorkflowController controller = new WorkflowController(store, executor, sink,
          new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        Resource wf = controller.submit(workflow(TWO_STEPS));
        assertThat(wf.name()).startsWith("two-");
        await().atMost(Duration.ofSeconds(30))
            .until(() -> status(store, wf).path("phase").asText().equals("Succeeded"));
        JsonNode status = status(store, wf);
        assertThat(status.path("progress").asText()).isEqualTo("2/2");
        assertThat(status.path("nodes")).hasSize(6); // steps, 2 groups, quick, slow retry node, its attempt
        synchronized (events) {
          assertThat(events).contains("workflow.phase:" + wf.name() + ":Running", "node.phase:quick:Succeeded",
              "workflow.phase:" + wf.name() + ":Succeeded");
        }
      }
    }
  }

  @Test
  void aRestartedControllerContinuesWithoutRerunningFinishedNodes(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      NatsResourceStore store = new NatsResourceStore(bus, "wfr-" + System.nanoTime(), 5);
      String yaml = TWO_STEPS.replace("sleep $(cat /tmp/nap 2>/dev/null || echo 0)", "sleep 30");
      Resource wf;
      String quickStartedAt;
      try (LocalExecutor first = new LocalExecutor(dir.resolve("a"));
          WorkflowController controller = new WorkflowController(store, first, LifecycleSink.NONE,
              new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        wf = controller.submit(workflow(yaml));
        await().atMost(Duration.ofSeconds(30)).until(() -> runningNode(status(store, wf), "slow(0)"));
        quickStartedAt = node(status(store, wf), "quick").path("startedAt").asText();
      } // the engine goes away mid-run: its processes with it
      String retried = yaml.replace("sleep 30", "sleep 0");
      try (LocalExecutor second = new LocalExecutor(dir.resolve("b"));
          WorkflowController controller = new WorkflowController(store, second, LifecycleSink.NONE,
              new EngineSettings("host", true), Clock.systemUTC())) {
        // the restarted engine runs the same stored spec; make the next attempt quick by editing the template
        Resource stored = store.get(ArgoKinds.WORKFLOW, "default", wf.name()).orElseThrow();
        store.update(stored.withSpec(workflow(retried).spec()));
        controller.start();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> status(store, wf).path("phase").asText().equals("Succeeded"));
      }
      JsonNode status = status(store, wf);
      assertThat(node(status, "quick").path("startedAt").asText()).isEqualTo(quickStartedAt);
      assertThat(node(status, "slow(0)").path("phase").asText()).isEqualTo("Error");
      assertThat(node(status, "slow(0)").path("message").asText()).contains("ended with the engine");
      assertThat(node(status, "slow(1)").path("phase").asText()).isEqualTo("Succeeded");
    }
  }

  @Test
  void actionsStopAndRetryGoThroughTheController(NatsTestServer nats, @TempDir Path dir) throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "wfa-" + System.nanoTime(), 5);
      try (WorkflowController controller = new WorkflowController(store, executor, LifecycleSink.NONE,
          new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        Resource wf = controller.submit(workflow(TWO_STEPS.replace("sleep $(cat /tmp/nap 2>/dev/null || echo 0)",
            "sleep 30")));
        await().atMost(Duration.ofSeconds(30)).until(() -> runningNode(status(store, wf), "slow(0)"));
        controller.act("default", wf.name(), run -> WorkflowActions.stop(run, null));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> status(store, wf).path("phase").asText().equals("Failed"));
        assertThat(status(store, wf).path("message").asText()).isEqualTo("Stopped with strategy 'Stop'");
        assertThat(store.get(ArgoKinds.WORKFLOW, "default", wf.name()).orElseThrow().spec().path("shutdown")
            .asText()).isEqualTo("Stop");

        Resource stored = store.get(ArgoKinds.WORKFLOW, "default", wf.name()).orElseThrow();
        ObjectNode quick = (ObjectNode) workflow(TWO_STEPS.replace("sleep $(cat /tmp/nap 2>/dev/null || echo 0)",
            "true")).spec();
        quick.put("shutdown", "Stop");
        store.update(stored.withSpec(quick));
        controller.act("default", wf.name(), run -> WorkflowActions.retry(run, false, null, Map.of()));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> status(store, wf).path("phase").asText().equals("Succeeded"));
      }
    }
  }

  @Test
  void ttlStrategyDeletesAFinishedWorkflow(NatsTestServer nats, @TempDir Path dir) throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "wft-" + System.nanoTime(), 5);
      try (WorkflowController controller = new WorkflowController(store, executor, LifecycleSink.NONE,
          new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        Resource wf = controller.submit(workflow("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: ttl-, namespace: default}
            spec:
              entrypoint: main
              ttlStrategy: {secondsAfterSuccess: 1}
              templates:
              - name: main
                container: {image: busybox, command: [echo, bye]}
            """));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> store.get(ArgoKinds.WORKFLOW, "default", wf.name()).map(r ->
                r.status().path("phase").asText().equals("Succeeded")).orElse(true));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> store.get(ArgoKinds.WORKFLOW, "default", wf.name()).isEmpty());
      }
    }
  }

  private static boolean runningNode(JsonNode status, String displayName) {
    JsonNode n = node(status, displayName);
    return n != null && n.path("phase").asText().equals("Running");
  }

  private static JsonNode node(JsonNode status, String displayName) {
    for (JsonNode n : status.path("nodes")) {
      if (n.path("displayName").asText().equals(displayName)) {
        return n;
      }
    }
    return null;
  }
}
