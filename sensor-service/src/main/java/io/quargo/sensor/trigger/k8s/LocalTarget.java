package io.quargo.sensor.trigger.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.eventbus.publish.PublishException;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.sensor.trigger.TriggerFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects in Quargo's own store, for the standalone server which has no apiserver: the kinds the store holds
 * ({@link ArgoKinds}: Workflow, WorkflowTemplate, ConfigMap, ...). A Workflow is created by a submit command to
 * the workflow-service, as the argoWorkflow trigger does, so it runs; its idempotency key is the firing's
 * execution key. Other kinds go to {@code others} (an apiserver when a kubeconfig exists; else it fails saying
 * so). Patches are applied here: merge and strategic merge as RFC 7386 (the store knows no merge keys), JSON
 * patch as RFC 6902.
 */
public final class LocalTarget implements K8sTarget {
  private static final String PHASE_LABEL = "workflows.argoproj.io/phase";
  private static final String COMPLETED_LABEL = "workflows.argoproj.io/completed";

  private final Publisher publisher;
  private final ResourceStore store;
  private final K8sTarget others;

  public LocalTarget(Publisher publisher, ResourceStore store, K8sTarget others) {
    this.publisher = publisher;
    this.store = store;
    this.others = others;
  }

  @Override
  public Optional<ObjectNode> get(ObjectRef ref) {
    Optional<ResourceKind> kind = stored(ref);
    if (kind.isEmpty()) {
      return others.get(ref);
    }
    return store(ref, () -> store.get(kind.get(), namespace(kind.get(), ref), ref.name()).map(LocalTarget::tree));
  }

  @Override
  public List<ObjectNode> list(ObjectRef ref, String label, String value) {
    Optional<ResourceKind> kind = stored(ref);
    if (kind.isEmpty()) {
      return others.list(ref, label, value);
    }
    return store(ref, () -> store.list(kind.get(), namespace(kind.get(), ref)).items().stream()
        .filter(r -> value.equals(r.labels().get(label))).map(LocalTarget::tree).toList());
  }

  @Override
  public ObjectNode create(ObjectRef ref, ObjectNode object, String idempotencyKey) {
    Optional<ResourceKind> kind = stored(ref);
    if (kind.isEmpty()) {
      return others.create(ref, object, idempotencyKey);
    }
    if (kind.get().equals(ArgoKinds.WORKFLOW)) {
      submit(ref, object, idempotencyKey);
      return object;
    }
    return store(ref, () -> store.create(Resource.of(object)).tree());
  }

  @Override
  public ObjectNode update(ObjectRef ref, ObjectNode object) {
    Optional<ResourceKind> kind = stored(ref);
    if (kind.isEmpty()) {
      return others.update(ref, object);
    }
    return store(ref, () -> store.update(Resource.of(object)).tree());
  }

  @Override
  public ObjectNode patch(ObjectRef ref, PatchStrategy strategy, JsonNode body) {
    Optional<ResourceKind> kind = stored(ref);
    if (kind.isEmpty()) {
      return others.patch(ref, strategy, body);
    }
    return store(ref, () -> {
      Resource live = store.get(kind.get(), namespace(kind.get(), ref), ref.name())
          .orElseThrow(() -> ResourceStoreException.notFound(kind.get(), ref.namespace(), ref.name()));
      JsonNode patched;
      try {
        patched = strategy == PatchStrategy.JSON ? JsonPatch.apply(body, live.tree())
            : K8sObjects.mergePatch(live.tree(), body);
      } catch (JsonPatchException e) {
        throw TriggerFailure.permanent("patch " + ref + ": the JSON patch does not apply: " + e.getMessage());
      }
      if (!(patched instanceof ObjectNode o)) {
        throw TriggerFailure.permanent("patch " + ref + ": the patch does not leave an object");
      }
      // compare-and-set on the version read: a concurrent change makes this attempt fail and be retried
      o.with("metadata").put("resourceVersion", live.resourceVersion());
      return store.update(Resource.of(o)).tree();
    });
  }

  @Override
  public void delete(ObjectRef ref) {
    Optional<ResourceKind> kind = stored(ref);
    if (kind.isEmpty()) {
      others.delete(ref);
      return;
    }
    try {
      store(ref, () -> store.delete(kind.get(), namespace(kind.get(), ref), ref.name()));
    } catch (TriggerFailure e) {
      if (store.get(kind.get(), namespace(kind.get(), ref), ref.name()).isPresent()) {
        throw e;
      }
      // gone already: what a delete wants
    }
  }

  private void submit(ObjectRef ref, ObjectNode workflow, String idempotencyKey) {
    ObjectNode command = Json.object().put("idempotencyKey", idempotencyKey).put("action", "submit");
    command.set("workflow", workflow);
    try {
      publisher.publish(Subjects.commands("workflow", ref.namespace()), Json.bytes(command), idempotencyKey,
          Map.of());
    } catch (PublishException e) {
      throw TriggerFailure.transientFailure("create " + ref + ": the submit command was not accepted by the bus: "
          + e.getMessage(), e);
    }
  }

  private static Optional<ResourceKind> stored(ObjectRef ref) {
    return ArgoKinds.ALL.stream().filter(k -> k.apiVersion().equals(ref.apiVersion())
        && k.kind().equals(ref.kind())).findFirst();
  }

  private static String namespace(ResourceKind kind, ObjectRef ref) {
    return kind.namespaced() ? ref.namespace() : null;
  }

  /** The stored object; a Workflow with the phase labels Argo's controller would have set, for policy.k8s. */
  private static ObjectNode tree(Resource r) {
    ObjectNode tree = r.tree().deepCopy();
    if (r.kind().equals(ArgoKinds.WORKFLOW.kind())) {
      String phase = r.status().path("phase").asText("");
      ObjectNode labels = tree.with("metadata").with("labels");
      if (!phase.isEmpty() && !labels.has(PHASE_LABEL)) {
        labels.put(PHASE_LABEL, phase);
      }
      boolean done = phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error");
      if (!labels.has(COMPLETED_LABEL)) {
        labels.put(COMPLETED_LABEL, Boolean.toString(done));
      }
    }
    return tree;
  }

  private static <T> T store(ObjectRef ref, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (ResourceStoreException e) {
      boolean retryable = e.reason() == ResourceStoreException.Reason.CONFLICT
          || e.reason() == ResourceStoreException.Reason.UNAVAILABLE;
      String message = ref + ": " + e.getMessage();
      throw retryable ? TriggerFailure.transientFailure(message, e) : TriggerFailure.permanent(message);
    }
  }
}
