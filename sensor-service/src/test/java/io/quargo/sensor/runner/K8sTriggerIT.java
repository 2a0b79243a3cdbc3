package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.ConsumerOptions;
import io.quargo.eventbus.consume.RetryBackoff;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.kube.ClusterAccess;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.conditions.ExecutionKey;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.trigger.K8sTrigger;
import io.quargo.sensor.trigger.TriggerFailure;
import io.quargo.sensor.trigger.k8s.ClusterTarget;
import io.quargo.sensor.trigger.k8s.K8sTarget;
import io.quargo.sensor.trigger.k8s.ObjectRef;
import io.quargo.sensor.trigger.k8s.PatchStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Sensor with a k8s trigger end to end: events on the testkit NATS, conditions in its KV, objects in fabric8's
 * CRUD mock apiserver. The first create is made to fail after the object was made (as a crash before the ack
 * would), so the retry is a repeat of the firing: it must find the object, not make a second.
 */
@ExtendWith(NatsServerExtension.class)
@EnableKubernetesMockClient(crud = true)
class K8sTriggerIT {
  static KubernetesClient client;

  private static final RunnerOptions OPTIONS = RunnerOptions.defaults()
      .withConsumer(ConsumerOptions.defaults().withBackoff(RetryBackoff.fixed(Duration.ofMillis(200)))
          .withPullWait(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(2)));

  private static CloudEvent event(String name, String id, String body) {
    return CloudEvent.builder().id(id).source("hooks").type("webhook").subject(name)
        .data(Json.parse(("{\"body\": " + body + "}").getBytes(StandardCharsets.UTF_8))).build();
  }

  /** The cluster, with a create that makes the object and then reports a failure, once. */
  private static final class LosesTheFirstAnswer implements K8sTarget {
    final K8sTarget cluster = new ClusterTarget(ClusterAccess.of(client));
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger looks = new AtomicInteger();

    @Override
    public Optional<ObjectNode> get(ObjectRef ref) {
      return cluster.get(ref);
    }

    @Override
    public List<ObjectNode> list(ObjectRef ref, String label, String value) {
      looks.incrementAndGet();
      return cluster.list(ref, label, value);
    }

    @Override
    public ObjectNode create(ObjectRef ref, ObjectNode object, String idempotencyKey) {
      ObjectNode made = cluster.create(ref, object, idempotencyKey);
      if (creates.incrementAndGet() == 1) {
        throw TriggerFailure.transientFailure("the answer was lost", null);
      }
      return made;
    }

    @Override
    public ObjectNode update(ObjectRef ref, ObjectNode object) {
      return cluster.update(ref, object);
    }

    @Override
    public ObjectNode patch(ObjectRef ref, PatchStrategy strategy, JsonNode body) {
      return cluster.patch(ref, strategy, body);
    }

    @Override
    public void delete(ObjectRef ref) {
      cluster.delete(ref);
    }
  }

  @Test
  void bothDependenciesMakeOneObjectEvenWhenTheFirstCreateLooksFailed(NatsTestServer nats) {
    Sensor sensor = Yaml.sensor("k8s-e2e", """
        dependencies:
          - {name: dep-a, eventSourceName: hooks, eventName: a}
          - {name: dep-b, eventSourceName: hooks, eventName: b}
        triggers:
          - template:
              name: make
              conditions: "dep-a && dep-b"
              k8s:
                operation: create
                source:
                  resource:
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {generateName: made-}
                    data: {a: "", b: ""}
                parameters:
                  - {src: {dependencyName: dep-a, dataKey: body.n}, dest: data.a}
                  - {src: {dependencyName: dep-b, dataKey: body.n}, dest: data.b}
            retryStrategy: {steps: 3, duration: 100ms}
        """);
    LosesTheFirstAnswer target = new LosesTheFirstAnswer();
    try (BusConnection bus = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", nats.url())))) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      Publisher publisher = new Publisher(bus);
      try (SensorRunner runner = new SensorRunner(bus, sensor, List.of(new K8sTrigger(target)), OPTIONS).start()) {
        // ids of their own: the module's ITs share one EVENTS stream, whose duplicate window drops a repeated id
        publisher.publishEvent("ns", event("a", "k8s-a1", "{\"n\": 1}"));
        publisher.publishEvent("ns", event("b", "k8s-b1", "{\"n\": 10}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> target.creates.get() >= 1
            && runner.tracker().pending(sensor.triggers().get(0)).isEmpty());
      }
    }
    List<ConfigMap> made = client.configMaps().inNamespace("ns").list().getItems();
    assertThat(made).hasSize(1);
    assertThat(made.get(0).getData()).isEqualTo(Map.of("a", "1", "b", "10"));
    String key = ExecutionKey.of("ns", "k8s-e2e", "make", Map.of("dep-a", event("a", "k8s-a1", "{}"),
        "dep-b", event("b", "k8s-b1", "{}")));
    assertThat(made.get(0).getMetadata().getLabels()).containsEntry(K8sTrigger.EXECUTION_KEY, key)
        .containsEntry("events.argoproj.io/sensor", "k8s-e2e").containsEntry("events.argoproj.io/trigger", "make");
    // two attempts looked for the object; only the first made it
    assertThat(target.looks.get()).isEqualTo(2);
    assertThat(target.creates.get()).isEqualTo(1);
  }
}
