package io.quargo.standalone.e2e;

import io.quargo.core.secret.SecretResolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
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
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.service.SensorManager;
import io.quargo.sensor.trigger.ArgoWorkflowTrigger;
import io.quargo.workflow.controller.LifecycleSink;
import io.quargo.workflow.controller.WorkflowCommandConsumer;
import io.quargo.workflow.controller.WorkflowCommands;
import io.quargo.workflow.controller.WorkflowController;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.executor.local.LocalExecutor;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's acceptance in one process: a webhook EventSource, a Sensor with {@code a && b} and an argoWorkflow
 * trigger, and a WorkflowTemplate. Two webhook calls fire exactly one workflow whose parameters come from both
 * events, and it runs to Succeeded through the command bus, the workflow controller and the local executor.
 */
@ExtendWith(NatsServerExtension.class)
class WebhookToWorkflowIT {

  private static Resource yaml(String text) {
    return ManifestLoader.load(text, "e2e.yaml").get(0).resource();
  }

  @Test
  void twoWebhookCallsFireOneWorkflowWithParametersFromBoth(NatsTestServer nats, @TempDir Path dir)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Vertx vertx = Vertx.vertx();
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      Topology topology = new Topology(bus);
      topology.ensureStream(StandardStreams.events(StreamLimits.defaults()));
      topology.ensureStream(StandardStreams.lifecycle(StreamLimits.defaults()));
      topology.ensureStream(StandardStreams.commands(StreamLimits.defaults()));
      NatsResourceStore store = new NatsResourceStore(bus, "e2e" + System.nanoTime(), 5);
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: WorkflowTemplate
          metadata: {name: greet, namespace: default}
          spec:
            entrypoint: main
            arguments: {parameters: [{name: a, value: none}, {name: b, value: none}]}
            templates:
            - name: main
              container:
                image: busybox
                command: [echo, "{{workflow.parameters.a}} {{workflow.parameters.b}}"]
          """));
      Publisher publisher = new Publisher(bus);
      Resource eventSource = yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: hooks, namespace: default}
          spec:
            webhook:
              a: {port: "%d", endpoint: /a, method: POST}
              b: {port: "%d", endpoint: /b, method: POST}
          """.formatted(port, port));
      store.create(eventSource);
      Resource sensor = yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: Sensor
          metadata: {name: pipeline, namespace: default}
          spec:
            dependencies:
              - {name: dep-a, eventSourceName: hooks, eventName: a}
              - {name: dep-b, eventSourceName: hooks, eventName: b}
            triggers:
              - template:
                  name: run-greet
                  conditions: "dep-a && dep-b"
                  argoWorkflow:
                    operation: submit
                    source:
                      resource:
                        apiVersion: argoproj.io/v1alpha1
                        kind: Workflow
                        metadata: {generateName: greet-}
                        spec:
                          workflowTemplateRef: {name: greet}
                          arguments: {parameters: [{name: a}, {name: b}]}
                    parameters:
                      - {src: {dependencyName: dep-a, dataKey: body.word}, dest: spec.arguments.parameters.0.value}
                      - {src: {dependencyName: dep-b, dataKey: body.word}, dest: spec.arguments.parameters.1.value}
          """);
      store.create(sensor);
      try (WorkflowController controller = new WorkflowController(store, executor, LifecycleSink.NONE,
              new EngineSettings("host", true), Clock.systemUTC());
          WorkflowCommandConsumer commands = startController(bus, store, controller);
          SensorManager sensors = new SensorManager(bus, store, () -> List.of(new ArgoWorkflowTrigger(publisher)),
              RunnerOptions.defaults().withStateBucket("e2e-state-" + System.nanoTime())).start();
          EventSourceManager sources = new EventSourceManager(bus, store, vertx, "127.0.0.1",
              SecretResolver.none()).start()) {
        await().atMost(Duration.ofSeconds(20)).until(() -> running(store, ArgoKinds.EVENT_SOURCE, "hooks")
            && running(store, ArgoKinds.SENSOR, "pipeline"));
        assertThat(post(port, "/a", "{\"word\": \"hello\"}")).isEqualTo(200);
        assertThat(post(port, "/b", "{\"word\": \"world\"}")).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> store.list(ArgoKinds.WORKFLOW, "default").items()
            .stream().anyMatch(w -> w.status().path("phase").asText().equals("Succeeded")));
        List<Resource> workflows = store.list(ArgoKinds.WORKFLOW, "default").items();
        assertThat(workflows).hasSize(1);
        Resource wf = workflows.get(0);
        assertThat(wf.name()).startsWith("greet-");
        JsonNode params = wf.spec().path("arguments").path("parameters");
        assertThat(params.get(0).path("value").asText()).isEqualTo("hello");
        assertThat(params.get(1).path("value").asText()).isEqualTo("world");
        String podNode = wf.name();
        assertThat(executor.readLog("default", podNode)).hasValueSatisfying(log ->
            assertThat(log).contains("hello world"));
        // a second 'a' alone satisfies nothing: still one workflow
        assertThat(post(port, "/a", "{\"word\": \"again\"}")).isEqualTo(200);
        Thread.sleep(1000); // nothing to wait for: the absence of a second workflow is the point
        assertThat(store.list(ArgoKinds.WORKFLOW, "default").items()).hasSize(1);
      }
    } finally {
      vertx.close();
    }
  }

  private static boolean running(NatsResourceStore store, io.quargo.core.resource.ResourceKind kind, String name) {
    return store.get(kind, "default", name).map(r -> r.status().path("phase").asText().equals("Running"))
        .orElse(false);
  }

  private static WorkflowCommandConsumer startController(BusConnection bus, NatsResourceStore store,
      WorkflowController controller) {
    controller.start();
    return WorkflowCommandConsumer.start(bus, new WorkflowCommands(store, controller, Clock.systemUTC()));
  }

  private static int post(int port, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
