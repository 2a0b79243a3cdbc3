package io.quargo.eventsource.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.kube.ClusterAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resource source against fabric8's CRUD mock apiserver; events land in a recording sink. */
@EnableKubernetesMockClient(crud = true)
class ResourceAdapterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  static KubernetesClient client;

  private final String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<SourceEvent> events = new ArrayList<>();
  private final List<ResourceAdapter> adapters = new ArrayList<>();

  @AfterEach
  void close() {
    adapters.forEach(ResourceAdapter::close);
  }

  private ResourceAdapter start(String entry) {
    ResourceAdapter adapter = new ResourceAdapter(Sources.one(entry), ClusterAccess.of(client));
    adapters.add(adapter);
    adapter.start(e -> {
      synchronized (events) {
        events.add(e);
      }
      return CompletableFuture.completedFuture(null);
    });
    return adapter;
  }

  private List<JsonNode> data() {
    synchronized (events) {
      return events.stream().map(SourceEvent::data).toList();
    }
  }

  private List<String> seen() {
    return data().stream().map(d -> d.path("type").asText() + " " + d.path("body").path("metadata").path("name")
        .asText()).toList();
  }

  private ConfigMap configMap(String name, Map<String, String> labels, String value) {
    return client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .withLabels(labels).endMetadata().addToData("k", value).build()).create();
  }

  @Test
  void configMapAddUpdateAndDeleteAsArgosPayload() {
    start("{namespace: " + ns + ", version: v1, resource: configmaps, eventTypes: [ADD, UPDATE, DELETE], "
        + "metadata: {team: a}}");
    configMap("settings", Map.of(), "1");
    client.configMaps().inNamespace(ns).withName("settings").edit(c -> {
      c.getData().put("k", "2");
      return c;
    });
    client.configMaps().inNamespace(ns).withName("settings").delete();

    await().atMost(WAIT).until(() -> seen().size() == 3);
    assertThat(seen()).containsExactly("ADD settings", "UPDATE settings", "DELETE settings");
    JsonNode add = data().get(0);
    assertThat(add.path("group").asText()).isEmpty();
    assertThat(add.path("version").asText()).isEqualTo("v1");
    assertThat(add.path("resource").asText()).isEqualTo("configmaps");
    assertThat(add.path("metadata").path("team").asText()).isEqualTo("a");
    assertThat(add.path("body").path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(add.path("body").path("data").path("k").asText()).isEqualTo("1");
    assertThat(add.get("oldBody").isNull()).isTrue();
    JsonNode update = data().get(1);
    assertThat(update.path("body").path("data").path("k").asText()).isEqualTo("2");
    assertThat(update.path("oldBody").path("data").path("k").asText()).isEqualTo("1");
    synchronized (events) {
      assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo("resource"));
      assertThat(events.stream().map(SourceEvent::id).distinct()).hasSize(3);
    }
  }

  @Test
  void onlyTheConfiguredEventTypes() {
    start("{namespace: " + ns + ", version: v1, resource: configmaps, eventTypes: [DELETE]}");
    configMap("a", Map.of(), "1");
    client.configMaps().inNamespace(ns).withName("a").edit(c -> {
      c.getData().put("k", "2");
      return c;
    });
    client.configMaps().inNamespace(ns).withName("a").delete();
    await().atMost(WAIT).until(() -> !seen().isEmpty());
    assertThat(seen()).containsExactly("DELETE a");
  }

  @Test
  void labelsAreSelectedByTheApiserverAndPrefixByUs() {
    start("{namespace: " + ns + ", version: v1, resource: configmaps, eventTypes: [ADD], filter: {prefix: app-, "
        + "labels: [{key: app, operation: \"==\", value: my-workflow}, {key: tier, operation: \"!=\", value: c}]}}");
    configMap("app-other", Map.of("app", "other", "tier", "a"), "1");
    configMap("app-other-tier", Map.of("app", "my-workflow", "tier", "c"), "1");
    configMap("wrong-prefix", Map.of("app", "my-workflow", "tier", "a"), "1");
    configMap("app-match", Map.of("app", "my-workflow", "tier", "b"), "1");
    configMap("app-last", Map.of("app", "my-workflow", "tier", "a"), "1");
    await().atMost(WAIT).until(() -> seen().size() >= 2);
    assertThat(seen()).containsExactly("ADD app-match", "ADD app-last");
  }

  @Test
  void existingObjectsComeAsAddUnlessAfterStart() {
    configMap("before", Map.of(), "1");
    Instant created = Instant.parse(client.configMaps().inNamespace(ns).withName("before").get().getMetadata()
        .getCreationTimestamp());
    await().atMost(WAIT).until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(created));

    start("{namespace: " + ns + ", version: v1, resource: configmaps, eventTypes: [ADD], filter: {afterStart: true}}");
    configMap("after", Map.of(), "1");
    // the informer lists 'before' first: had it passed, it would be ahead of 'after'
    await().atMost(WAIT).until(() -> !seen().isEmpty());
    assertThat(seen()).containsExactly("ADD after");

    events.clear();
    start("{namespace: " + ns + ", version: v1, resource: configmaps, eventTypes: [ADD]}");
    await().atMost(WAIT).until(() -> seen().size() == 2);
    assertThat(seen()).containsExactlyInAnyOrder("ADD before", "ADD after");
  }

  @Test
  void aCustomResourceInAnyNamespace() {
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("widgets.example.com").endMetadata()
        .withNewSpec().withGroup("example.com").withScope("Namespaced")
        .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion().endSpec().build())
        .createOr(existing -> existing.update());
    start("{group: example.com, version: v1, resource: widgets, eventTypes: [ADD, DELETE]}");
    ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder().withGroup("example.com")
        .withVersion("v1").withPlural("widgets").withKind("Widget").withNamespaced(true).build();
    GenericKubernetesResource widget = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1")
        .withKind("Widget").withNewMetadata().withName("w1").withNamespace(ns).endMetadata()
        .addToAdditionalProperties("spec", Map.of("size", 3)).build();
    client.genericKubernetesResources(widgets).inNamespace(ns).resource(widget).create();
    client.genericKubernetesResources(widgets).inNamespace(ns).withName("w1").delete();

    await().atMost(WAIT).until(() -> seen().size() == 2);
    assertThat(seen()).containsExactly("ADD w1", "DELETE w1");
    JsonNode add = data().get(0);
    assertThat(add.path("group").asText()).isEqualTo("example.com");
    assertThat(add.path("body").path("spec").path("size").asInt()).isEqualTo(3);
    assertThat(add.path("body").path("metadata").path("namespace").asText()).isEqualTo(ns);
  }

  @Test
  void withoutAClusterTheStartFailsSayingSo() {
    ResourceAdapter adapter = new ResourceAdapter(Sources.one("{version: v1, resource: pods, eventTypes: [ADD]}"),
        ClusterAccess.none());
    assertThatThrownBy(() -> adapter.start(e -> CompletableFuture.completedFuture(null)))
        .hasMessageContaining("resource.example").hasMessageContaining("need cluster mode or a kubeconfig");
  }
}
