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
import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import io.quargo.workflow.executor.local.LocalExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * memoize, resubmit --memoized and stop --node-field-selector through the controller, over a real NATS KV store
 * and cache and real local processes. Every process the executor starts is recorded, so "did not run" is seen.
 */
@ExtendWith(NatsServerExtension.class)
class MemoizationControllerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The real local executor, recording the node name of every process it starts. */
  private static final class Recording implements Executor {
    final LocalExecutor local;
    final List<String> started = new CopyOnWriteArrayList<>();

    Recording(Path dir) {
      local = new LocalExecutor(dir);
    }

    @Override
    public RunningTask start(ExecutionTask task, ExecutionListener listener) {
      started.add(task.nodeName());
      return local.start(task, listener);
    }

    @Override
    public void close() {
      local.close();
    }
  }

  private static WorkflowController controller(NatsResourceStore store, Executor executor, BusConnection bus) {
    return new WorkflowController(store, executor, LifecycleSink.NONE, new EngineSettings("host", true),
        Clock.systemUTC()).withMemoCache(KvMemoCache.ensure(bus));
  }

  private static Resource workflow(String yaml) {
    return ManifestLoader.load(yaml, "test.yaml").get(0).resource();
  }

  private static JsonNode status(NatsResourceStore store, String name) {
    return store.get(ArgoKinds.WORKFLOW, "default", name).orElseThrow().status();
  }

  private static boolean phase(NatsResourceStore store, String name, String phase) {
    return store.get(ArgoKinds.WORKFLOW, "default", name).map(r -> r.status().path("phase").asText().equals(phase))
        .orElse(false);
  }

  private static JsonNode node(JsonNode status, String displayName) {
    for (JsonNode n : status.path("nodes")) {
      if (n.path("displayName").asText().equals(displayName)) {
        return n;
      }
    }
    throw new AssertionError("no node " + displayName + " in " + status.path("nodes"));
  }

  @Test
  void aSecondWorkflowWithTheSameKeyDoesNotRunItsStepEvenAfterARestart(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    String cache = "stamps-" + System.nanoTime();
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: memo-, namespace: default}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: stamp, template: stamp}
          - name: stamp
            memoize: {key: "stamp", maxAge: "1h", cache: {configMap: {name: CACHE}}}
            container: {image: busybox, command: [sh, -c, "date +%s%N"]}
        """.replace("CACHE", cache);
    String bucketPrefix = "memo-" + System.nanoTime();
    String firstName;
    String firstResult;
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        Recording executor = new Recording(dir.resolve("a"))) {
      NatsResourceStore store = new NatsResourceStore(bus, bucketPrefix, 5);
      try (WorkflowController controller = controller(store, executor, bus)) {
        controller.start();
        firstName = controller.submit(workflow(yaml)).name();
        await().atMost(WAIT).until(() -> phase(store, firstName, "Succeeded"));
      }
      JsonNode stamp = node(status(store, firstName), "stamp");
      assertThat(stamp.path("memoizationStatus").toString())
          .isEqualTo("{\"hit\":false,\"key\":\"stamp\",\"cacheName\":\"" + cache + "\"}");
      firstResult = stamp.path("outputs").path("result").asText();
      assertThat(firstResult).matches("\\d+");
      assertThat(executor.started).containsExactly(firstName + "[0].stamp");
    }
    // a new controller, a new connection: the cache is in KV, not in the old process
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        Recording executor = new Recording(dir.resolve("b"))) {
      NatsResourceStore store = new NatsResourceStore(bus, bucketPrefix, 5);
      try (WorkflowController controller = controller(store, executor, bus)) {
        controller.start();
        String second = controller.submit(workflow(yaml)).name();
        await().atMost(WAIT).until(() -> phase(store, second, "Succeeded"));
        JsonNode hit = node(status(store, second), "stamp");
        assertThat(hit.path("phase").asText()).isEqualTo("Succeeded");
        assertThat(hit.path("memoizationStatus").toString())
            .isEqualTo("{\"hit\":true,\"key\":\"stamp\",\"cacheName\":\"" + cache + "\"}");
        assertThat(hit.path("outputs").path("result").asText()).isEqualTo(firstResult);
        assertThat(executor.started).isEmpty();
      }
    }
  }

  private static final String DAG = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: NAME, namespace: default}
      spec:
        entrypoint: main
        arguments: {parameters: [{name: code, value: "1"}]}
        templates:
        - name: main
          dag:
            tasks:
            - {name: A, template: stamp}
            - name: B
              template: exit
              arguments: {parameters: [{name: code, value: "{{workflow.parameters.code}}"}]}
            - {name: C, depends: "A && B", template: stamp}
        - name: stamp
          container: {image: busybox, command: [sh, -c, "date +%s%N"]}
        - name: exit
          inputs: {parameters: [{name: code}]}
          container: {image: busybox, command: [sh, -c, "exit {{inputs.parameters.code}}"]}
      """;

  @Test
  void resubmitMemoizedKeepsTheSucceededNodesOutputsAndRerunsTheFailedOnes(NatsTestServer nats,
      @TempDir Path dir) throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        Recording executor = new Recording(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "memr-" + System.nanoTime(), 5);
      try (WorkflowController controller = controller(store, executor, bus)) {
        controller.start();
        WorkflowCommands commands = new WorkflowCommands(store, controller, Clock.systemUTC());
        String old = controller.submit(workflow(DAG.replace("NAME", "flaky"))).name();
        await().atMost(WAIT).until(() -> phase(store, old, "Failed"));
        JsonNode oldA = node(status(store, old), "A");
        executor.started.clear();

        String said = commands.apply("default", Json.parse(("{\"idempotencyKey\":\"again-1\",\"action\":\"resubmit\","
            + "\"name\":\"flaky\",\"memoized\":true,\"parameters\":{\"code\":\"0\"}}").getBytes()));
        String name = said.substring(said.lastIndexOf('/') + 1);
        assertThat(name).startsWith("flaky-");
        await().atMost(WAIT).until(() -> phase(store, name, "Succeeded"));
        JsonNode status = status(store, name);
        JsonNode a = node(status, "A");
        assertThat(a.path("type").asText()).isEqualTo("Skipped");
        assertThat(a.path("phase").asText()).isEqualTo("Skipped");
        assertThat(a.path("message").asText()).isEqualTo("original pod: " + oldA.path("id").asText());
        assertThat(a.path("outputs").path("result").asText()).isEqualTo(oldA.path("outputs").path("result").asText());
        assertThat(node(status, "B").path("phase").asText()).isEqualTo("Succeeded");
        assertThat(executor.started).containsExactlyInAnyOrder(name + ".B", name + ".C");
        assertThat(store.get(ArgoKinds.WORKFLOW, "default", name).orElseThrow().labels())
            .containsEntry("workflows.argoproj.io/resubmitted-from-workflow", "flaky");

        // a redelivered command finds its workflow; a Succeeded workflow is refused in memoized mode
        assertThat(commands.apply("default", Json.parse(("{\"idempotencyKey\":\"again-1\",\"action\":\"resubmit\","
            + "\"name\":\"flaky\",\"memoized\":true}").getBytes()))).contains("already submitted");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.apply("default", Json.parse(
                ("{\"idempotencyKey\":\"again-2\",\"action\":\"resubmit\",\"name\":\"" + name
                    + "\",\"memoized\":true}").getBytes())))
            .hasMessageContaining("workflow must be Failed/Error to resubmit in memoized mode");
      }
    }
  }

  @Test
  void stopWithANodeFieldSelectorFailsTheMatchingSuspendNode(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        Recording executor = new Recording(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "mems-" + System.nanoTime(), 5);
      try (WorkflowController controller = controller(store, executor, bus)) {
        controller.start();
        WorkflowCommands commands = new WorkflowCommands(store, controller, Clock.systemUTC());
        String name = controller.submit(workflow("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: gate, namespace: default}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: approve, template: wait}
                - - {name: after, template: wait}
              - name: wait
                suspend: {}
            """)).name();
        await().atMost(WAIT).until(() -> status(store, name).path("nodes").toString().contains("\"approve\""));
        String said = commands.apply("default", Json.parse(("{\"idempotencyKey\":\"s1\",\"action\":\"stop\","
            + "\"name\":\"gate\",\"nodeFieldSelector\":\"displayName=approve\",\"message\":\"rejected\"}").getBytes()));
        assertThat(said).isEqualTo("stop applied to workflow default/gate");
        await().atMost(WAIT).until(() -> phase(store, name, "Failed"));
        JsonNode approve = node(status(store, name), "approve");
        assertThat(approve.path("phase").asText()).isEqualTo("Failed");
        assertThat(approve.path("message").asText()).isEqualTo("rejected");
        assertThat(store.get(ArgoKinds.WORKFLOW, "default", name).orElseThrow().spec().has("shutdown")).isFalse();
      }
    }
  }
}
