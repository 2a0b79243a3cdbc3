package io.quargo.eventsource.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.nats.client.Connection;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.kube.ClusterAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource source on our bus: a second informer over the same objects (a relist, or the replica that took
 * the lease over) reports them again with the same ids, and JetStream keeps each change once; a change seen while
 * the bus is down is held and retried until stored.
 */
@ExtendWith(NatsServerExtension.class)
@EnableKubernetesMockClient(crud = true)
class ResourceSourceIT {
  static KubernetesClient client;

  private final String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aSecondInformerDoesNotDuplicateEventsOnTheBus(NatsTestServer nats) throws Exception {
    ResourceSource source = Sources.one("{namespace: " + ns + ", version: v1, resource: configmaps, "
        + "eventTypes: [ADD, UPDATE]}");
    try (BusFixture bus = BusFixture.connect(nats)) {
      try (ResourceAdapter first = new ResourceAdapter(source, ClusterAccess.of(client))) {
        first.start(bus.sink("argo-events", "cluster", Map.of()));
        create("a");
        create("b");
        client.configMaps().inNamespace(ns).withName("a").edit(c -> {
          c.getData().put("k", "2");
          return c;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> names(bus).size() == 3);
      }
      try (ResourceAdapter second = new ResourceAdapter(source, ClusterAccess.of(client))) {
        second.start(bus.sink("argo-events", "cluster", Map.of()));
        create("c"); // published after the relisted a and b, which the bus drops as duplicates
        await().atMost(Duration.ofSeconds(30)).until(() -> names(bus).contains("ADD c"));
      }
      assertThat(names(bus)).containsExactly("ADD a", "ADD b", "UPDATE a", "ADD c");
    }
  }

  @Test
  void everyObjectCreatedAcrossABusOutageArrivesOnce(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    String eventSource = "cluster-" + ns;
    ResourceSource source = Sources.one("{namespace: " + ns + ", version: v1, resource: configmaps, eventTypes: [ADD]}");
    try (BusFixture bus = BusFixture.connect(nats);
        ResourceAdapter adapter = new ResourceAdapter(source, ClusterAccess.of(client))) {
      adapter.start(bus.sink("argo-events", eventSource, Map.of()));
      createNumbered(0, 5);
      await().atMost(Duration.ofSeconds(30)).until(() -> names(bus, eventSource).size() == 5);

      nats.stop();
      await().until(() -> bus.bus().nats().getStatus() != Connection.Status.CONNECTED);
      createNumbered(5, 10); // the watch delivers these once: the adapter holds and retries them
      nats.start();
      createNumbered(10, 15);

      await().atMost(Duration.ofSeconds(90)).until(() -> names(bus, eventSource).size() >= 15);
      assertThat(names(bus, eventSource)).containsExactlyInAnyOrderElementsOf(
          IntStream.range(0, 15).mapToObj(n -> "ADD n-" + n).toList());
    }
  }

  @Test
  void anEventStoredButNotAcknowledgedIsRetriedUnderItsIdAndStoredOnce(NatsTestServer nats) throws Exception {
    String eventSource = "cluster-" + ns;
    ResourceSource source = Sources.one("{namespace: " + ns + ", version: v1, resource: configmaps, eventTypes: [ADD]}");
    List<SourceEvent> seen = new ArrayList<>();
    AtomicInteger settled = new AtomicInteger();
    try (BusFixture bus = BusFixture.connect(nats);
        ResourceAdapter adapter = new ResourceAdapter(source, ClusterAccess.of(client))) {
      // each of the first 3 publishes is stored and then reported failed, as when the bus's ack is lost
      EventSink lossyAck = BusFixture.failingAfterPublish(bus.sink("argo-events", eventSource, Map.of()), 3, seen);
      adapter.start(event -> lossyAck.publish(event).whenComplete((ok, error) -> settled.incrementAndGet()));
      createNumbered(0, 3);
      await().atMost(Duration.ofSeconds(30)).until(() -> settled.get() == 6); // 3 objects, 3 retries
      assertThat(names(bus, eventSource)).containsExactly("ADD n-0", "ADD n-1", "ADD n-2");
    }
  }

  private void createNumbered(int from, int to) {
    for (int n = from; n < to; n++) {
      create("n-" + n);
    }
  }

  private void create(String name) {
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .endMetadata().addToData("k", "1").build()).create();
  }

  private static List<String> names(BusFixture bus) throws Exception {
    return names(bus, "cluster");
  }

  /** What the bus stored for this test's sink (each test publishes under its own EventSource name). */
  private static List<String> names(BusFixture bus, String eventSource) throws Exception {
    return bus.stored("argo-events", eventSource, "example").stream().map(CloudEvent::data)
        .map(d -> d.path("type").asText() + " " + d.path("body").path("metadata").path("name").asText()).toList();
  }
}
