package io.quargo.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ResourceStoreException.Reason;
import io.quargo.core.resource.WatchEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResourceStore} must do, as the Kubernetes API does it. Each implementation
 * extends this class and supplies a store; tests use a fresh namespace so stores may be shared.
 */
public abstract class ResourceStoreContract {
  protected static final ResourceKind WF = ArgoKinds.WORKFLOW;
  private final List<ResourceStore.Watch> watches = new ArrayList<>();
  protected ResourceStore store;
  protected String ns;

  /** A store for one test; it may be shared across tests (each test uses its own namespace). */
  protected abstract ResourceStore createStore();

  @BeforeEach
  void setUpStore() {
    store = createStore();
    ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeWatches() {
    watches.forEach(ResourceStore.Watch::close);
  }

  protected Resource workflow(String name) {
    ObjectNode spec = Json.object().put("entrypoint", "main");
    spec.putObject("x-unknown").put("kept", true);
    return Resource.create(WF, ns, name).withSpec(spec).with("extraTopLevel", Json.object().put("a", 1));
  }

  @Test
  void createSetsServerFieldsAndKeepsUnknownFields() {
    Resource created = store.create(workflow("hello"));
    assertThat(created.uid()).isNotBlank();
    assertThat(created.creationTimestamp()).isNotBlank();
    assertThat(created.generation()).isEqualTo(1);
    assertThat(created.resourceVersion()).isNotBlank();
    Resource read = store.get(WF, ns, "hello").orElseThrow();
    assertThat(read).isEqualTo(created);
    assertThat(read.spec().path("x-unknown").path("kept").asBoolean()).isTrue();
    assertThat(read.tree().path("extraTopLevel").path("a").asInt()).isEqualTo(1);
  }

  @Test
  void generateNameAddsARandomSuffix() {
    Resource template = Resource.create(WF, ns, null).editMetadata(m -> m.put("generateName", "hello-"));
    Resource a = store.create(template);
    Resource b = store.create(template);
    assertThat(a.name()).matches("hello-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(b.name()).startsWith("hello-").isNotEqualTo(a.name());
    assertThat(store.get(WF, ns, a.name())).isPresent();
  }

  @Test
  void duplicateCreateIsRefused() {
    store.create(workflow("dup"));
    assertThatThrownBy(() -> store.create(workflow("dup")))
        .isInstanceOfSatisfying(ResourceStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
        .hasMessageContaining("dup");
  }

  @Test
  void invalidIdentityIsRefusedNamingTheField() {
    assertThatThrownBy(() -> store.create(workflow("Bad_Name")))
        .isInstanceOfSatisfying(ResourceStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
        .hasMessageContaining("metadata.name");
    assertThatThrownBy(() -> store.create(Resource.create(WF, null, "x")))
        .isInstanceOfSatisfying(ResourceStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
        .hasMessageContaining("metadata.namespace");
  }

  @Test
  void updateIsCompareAndSetAndBumpsGenerationOnSpecChange() {
    Resource created = store.create(workflow("cas"));
    Resource updated = store.update(created.withSpec(Json.object().put("entrypoint", "other")));
    assertThat(updated.resourceVersion()).isNotEqualTo(created.resourceVersion());
    assertThat(updated.generation()).isEqualTo(2);
    assertThat(updated.uid()).isEqualTo(created.uid());

    assertThatThrownBy(() -> store.update(created.withSpec(Json.object().put("entrypoint", "stale"))))
        .isInstanceOfSatisfying(ResourceStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
    assertThat(store.get(WF, ns, "cas").orElseThrow().spec().path("entrypoint").asText()).isEqualTo("other");
  }

  @Test
  void metadataOnlyUpdateKeepsGeneration() {
    Resource created = store.create(workflow("labels"));
    Resource labelled = store.update(created.withLabel("team", "a"));
    assertThat(labelled.generation()).isEqualTo(1);
    assertThat(labelled.labels()).containsEntry("team", "a");
  }

  @Test
  void statusIsASubresource() {
    Resource created = store.create(workflow("status"));
    Resource ignored = store.update(created.withStatus(Json.object().put("phase", "Running")));
    assertThat(ignored.status().isMissingNode() || ignored.status().isNull()).isTrue();

    Resource withStatus = store.updateStatus(ignored.withStatus(Json.object().put("phase", "Running"))
        .withSpec(Json.object().put("entrypoint", "not-applied")));
    assertThat(withStatus.status().path("phase").asText()).isEqualTo("Running");
    assertThat(withStatus.spec().path("entrypoint").asText()).isEqualTo("main");
    assertThat(withStatus.generation()).isEqualTo(1);

    assertThatThrownBy(() -> store.updateStatus(ignored.withStatus(Json.object().put("phase", "Failed"))))
        .isInstanceOfSatisfying(ResourceStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
  }

  @Test
  void updateOfMissingResourceIsNotFound() {
    assertThatThrownBy(() -> store.update(workflow("ghost").withResourceVersion("1")))
        .isInstanceOfSatisfying(ResourceStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void listFiltersByNamespace() {
    store.create(workflow("a"));
    store.create(workflow("b"));
    String other = ns;
    ns = ns + "-other";
    store.create(workflow("c"));

    assertThat(names(store.list(WF, other).items())).containsExactlyInAnyOrder("a", "b");
    assertThat(names(store.list(WF, ns).items())).containsExactly("c");
    assertThat(names(store.list(WF, null).items())).contains("a", "b", "c");
  }

  @Test
  void deleteWithoutFinalizersRemoves() {
    store.create(workflow("gone"));
    Resource last = store.delete(WF, ns, "gone");
    assertThat(last.name()).isEqualTo("gone");
    assertThat(store.get(WF, ns, "gone")).isEmpty();
    assertThat(store.list(WF, ns).items()).isEmpty();
    assertThatThrownBy(() -> store.delete(WF, ns, "gone"))
        .isInstanceOfSatisfying(ResourceStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    store.create(workflow("gone"));
    assertThat(store.get(WF, ns, "gone")).isPresent();
  }

  @Test
  void finalizersHoldDeletionUntilRemoved() throws Exception {
    Resource created = store.create(workflow("fin").withFinalizers(List.of("quargo.io/cleanup")));
    BlockingQueue<WatchEvent> events = watch(created.resourceVersion());

    Resource marked = store.delete(WF, ns, "fin");
    assertThat(marked.isDeleting()).isTrue();
    assertThat(store.get(WF, ns, "fin").orElseThrow().isDeleting()).isTrue();

    store.update(store.get(WF, ns, "fin").orElseThrow().withFinalizers(List.of()));
    assertThat(store.get(WF, ns, "fin")).isEmpty();

    assertThat(next(events).type()).isEqualTo(Type.MODIFIED);
    WatchEvent deleted = next(events);
    assertThat(deleted.type()).isEqualTo(Type.DELETED);
    assertThat(deleted.resource().name()).isEqualTo("fin");
  }

  @Test
  void watchFromNothingListsThenFollows() throws Exception {
    store.create(workflow("w1"));
    BlockingQueue<WatchEvent> events = watch(null);
    WatchEvent first = next(events);
    assertThat(first.type()).isEqualTo(Type.ADDED);
    assertThat(first.resource().name()).isEqualTo("w1");

    Resource w2 = store.create(workflow("w2"));
    store.updateStatus(w2.withStatus(Json.object().put("phase", "Succeeded")));
    store.delete(WF, ns, "w2");
    assertThat(List.of(next(events), next(events), next(events)))
        .extracting(WatchEvent::type).containsExactly(Type.ADDED, Type.MODIFIED, Type.DELETED);
    assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void watchResumedFromARevisionSeesNoGapAndNoDuplicate() throws Exception {
    Resource a = store.create(workflow("r1"));
    Resource b = store.create(workflow("r2"));
    Resource a2 = store.update(a.withLabel("step", "2"));
    String resumeFrom = a2.resourceVersion();
    Resource c = store.create(workflow("r3"));
    Resource b2 = store.updateStatus(b.withStatus(Json.object().put("phase", "Running")));
    store.delete(WF, ns, "r1");

    BlockingQueue<WatchEvent> events = watch(resumeFrom);
    List<WatchEvent> seen = List.of(next(events), next(events), next(events));
    assertThat(seen).extracting(e -> e.type() + " " + e.resource().name())
        .containsExactly("ADDED r3", "MODIFIED r2", "DELETED r1");
    assertThat(seen.get(0).resource().resourceVersion()).isEqualTo(c.resourceVersion());
    assertThat(seen.get(1).resource().resourceVersion()).isEqualTo(b2.resourceVersion());
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void watchFromListRevisionMissesNothingLater() throws Exception {
    store.create(workflow("l1"));
    ResourceList list = store.list(WF, ns);
    BlockingQueue<WatchEvent> events = watch(list.resourceVersion());
    store.create(workflow("l2"));
    WatchEvent e = next(events);
    assertThat(e.type() + " " + e.resource().name()).isEqualTo("ADDED l2");
  }

  @Test
  void watchIsScopedToItsNamespace() throws Exception {
    BlockingQueue<WatchEvent> events = watch(null);
    String mine = ns;
    ns = ns + "-x";
    store.create(workflow("elsewhere"));
    ns = mine;
    store.create(workflow("here"));
    assertThat(next(events).resource().name()).isEqualTo("here");
  }

  @Test
  void clusterScopedKindsNeedNoNamespace() {
    ResourceKind kind = ArgoKinds.CLUSTER_WORKFLOW_TEMPLATE;
    String name = "cwt-" + ns;
    Resource created = store.create(Resource.create(kind, null, name).withSpec(Json.object()));
    assertThat(store.get(kind, null, name)).contains(created);
    assertThat(names(store.list(kind, null).items())).contains(name);
    store.delete(kind, null, name);
    assertThat(store.get(kind, null, name)).isEmpty();
  }

  @Test
  void concurrentWritersOnOneVersionHaveExactlyOneWinner() throws Exception {
    Resource created = store.create(workflow("race"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> writers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String value = "writer-" + i;
        writers.add(() -> {
          try {
            store.update(created.withLabel("winner", value));
            return true;
          } catch (ResourceStoreException e) {
            assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
            return false;
          }
        });
      }
      long winners = 0;
      for (Future<Boolean> f : pool.invokeAll(writers)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unconditionalUpdateWithoutVersionIsLastWriteWins() {
    store.create(workflow("free"));
    Resource updated = store.update(workflow("free").withResourceVersion(null).withLabel("k", "v"));
    assertThat(updated.labels()).containsEntry("k", "v");
  }

  protected BlockingQueue<WatchEvent> watch(String fromVersion) {
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    watches.add(store.watch(WF, ns, fromVersion, events::add));
    return events;
  }

  protected static WatchEvent next(BlockingQueue<WatchEvent> events) throws InterruptedException {
    WatchEvent event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("a watch event within 10 s").isNotNull();
    return event;
  }

  private static Set<String> names(List<Resource> items) {
    return items.stream().map(Resource::name).collect(Collectors.toSet());
  }
}
