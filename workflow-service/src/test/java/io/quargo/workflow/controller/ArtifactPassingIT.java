package io.quargo.workflow.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.workflow.artifacts.NatsArtifactRepository;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.executor.local.LocalExecutor;
import io.quargo.workflow.executor.local.LocalExecutorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artifacts live in the NATS object store, not on the engine's disk: a consumer that runs after the engine
 * restarted (with a fresh executor directory, the old one deleted) still gets the producer's artifact.
 */
@ExtendWith(NatsServerExtension.class)
class ArtifactPassingIT {

  private static final String PASSING = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: art-, namespace: default}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: produce, template: produce}
          - - {name: nap, template: nap}
          - - name: consume
              template: consume
              arguments:
                artifacts:
                - {name: tree, from: "{{steps.produce.outputs.artifacts.tree}}"}
        - name: produce
          container:
            image: busybox
            command: [sh, -c, "mkdir -p /tmp/out/sub; echo -n made-before-restart > /tmp/out/sub/msg"]
          outputs:
            artifacts:
            - {name: tree, path: /tmp/out, globalName: the-tree}
        - name: nap
          retryStrategy: {limit: 2, retryPolicy: Always}
          container: {image: busybox, command: [sh, -c, "sleep 30"]}
        - name: consume
          inputs:
            artifacts:
            - {name: tree, path: /data/in}
          container: {image: busybox, command: [sh, -c, "cat /data/in/sub/msg > /tmp/got"]}
          outputs:
            parameters:
            - name: got
              valueFrom: {path: /tmp/got}
      """;

  private static Resource workflow(String yaml) {
    return ManifestLoader.load(yaml, "test.yaml").get(0).resource();
  }

  private static JsonNode status(NatsResourceStore store, String name) {
    return store.get(ArgoKinds.WORKFLOW, "default", name).orElseThrow().status();
  }

  private static JsonNode node(JsonNode status, String displayName) {
    for (JsonNode n : status.path("nodes")) {
      if (n.path("displayName").asText().equals(displayName)) {
        return n;
      }
    }
    return null;
  }

  @Test
  void aConsumerAfterAnEngineRestartFetchesTheArtifactFromTheObjectStore(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      NatsResourceStore store = new NatsResourceStore(bus, "art-" + System.nanoTime(), 5);
      String bucket = "artifacts-" + System.nanoTime();
      NatsArtifactRepository repository = NatsArtifactRepository.open(bus, bucket);
      String name;
      try (LocalExecutor first = new LocalExecutor(dir.resolve("a"), LocalExecutorOptions.defaults(), repository);
          WorkflowController controller = new WorkflowController(store, first, LifecycleSink.NONE,
              new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        name = controller.submit(workflow(PASSING)).name();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          JsonNode nap = node(status(store, name), "nap(0)");
          return nap != null && nap.path("phase").asText().equals("Running");
        });
      } // the engine goes away between producer and consumer
      io.quargo.workflow.artifacts.ArtifactRepositoryTestFiles.deleteTree(dir.resolve("a"));
      JsonNode produced = node(status(store, name), "produce");
      String key = name + "/" + produced.path("podName").asText(null) + "/tree.tgz";
      assertThat(produced.path("outputs").path("artifacts").get(0).toString()).isEqualTo("{\"name\":\"tree\","
          + "\"path\":\"/tmp/out\",\"globalName\":\"the-tree\",\"nats\":{\"bucket\":\"" + bucket + "\",\"key\":\""
          + key + "\"}}");
      assertThat(repository.exists(key)).isTrue();

      Resource stored = store.get(ArgoKinds.WORKFLOW, "default", name).orElseThrow();
      store.update(stored.withSpec(workflow(PASSING.replace("sleep 30", "sleep 0")).spec()));
      try (LocalExecutor second = new LocalExecutor(dir.resolve("b"), LocalExecutorOptions.defaults(),
          NatsArtifactRepository.open(bus, bucket));
          WorkflowController controller = new WorkflowController(store, second, LifecycleSink.NONE,
              new EngineSettings("host", true), Clock.systemUTC())) {
        controller.start();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> status(store, name).path("phase").asText().matches("Succeeded|Failed|Error"));
      }
      JsonNode status = status(store, name);
      assertThat(status.path("phase").asText()).as(status.toString()).isEqualTo("Succeeded");
      assertThat(node(status, "consume").path("outputs").path("parameters").get(0).path("value").asText())
          .isEqualTo("made-before-restart");
      assertThat(status.path("outputs").path("artifacts").get(0).path("name").asText()).isEqualTo("the-tree");
      assertThat(status.path("outputs").path("artifacts").get(0).path("nats").path("key").asText()).isEqualTo(key);
      assertThat(Files.exists(dir.resolve("a"))).isFalse();
    }
  }
}
