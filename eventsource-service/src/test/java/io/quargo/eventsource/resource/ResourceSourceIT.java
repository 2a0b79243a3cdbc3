package io.quargo.eventsource.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.kube.ClusterAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource source on our bus: a second informer over the same objects (a relist, or the replica that took
 * the lease over) reports them again with the same ids, and JetStream keeps each change once.
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

  private void create(String name) {
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .endMetadata().addToData("k", "1").build()).create();
  }

  private static List<String> names(BusFixture bus) throws Exception {
    return bus.stored("argo-events", "cluster", "example").stream().map(CloudEvent::data)
        .map(d -> d.path("type").asText() + " " + d.path("body").path("metadata").path("name").asText()).toList();
  }
}
