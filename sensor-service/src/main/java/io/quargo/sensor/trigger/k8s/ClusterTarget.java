package io.quargo.sensor.trigger.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quargo.core.Json;
import io.quargo.kube.ClusterAccess;
import io.quargo.sensor.trigger.TriggerFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Objects on a Kubernetes apiserver through fabric8's generic resources: any group/version/kind the apiserver
 * serves (built-in kinds are known to fabric8, others are found by discovery). Without an apiserver every call
 * fails, permanently, saying how to give one.
 */
public final class ClusterTarget implements K8sTarget {
  private static final int CONFLICT = 409;
  private static final int TOO_MANY_REQUESTS = 429;

  private final ClusterAccess cluster;

  public ClusterTarget(ClusterAccess cluster) {
    this.cluster = cluster;
  }

  public boolean available() {
    return cluster.available();
  }

  @Override
  public Optional<ObjectNode> get(ObjectRef ref) {
    return call(ref, "read", ops -> Optional.ofNullable(ops.withName(ref.name()).get()).map(this::tree));
  }

  @Override
  public List<ObjectNode> list(ObjectRef ref, String label, String value) {
    return call(ref, "list", ops -> ops.withLabel(label, value).list().getItems().stream().map(this::tree).toList());
  }

  @Override
  public ObjectNode create(ObjectRef ref, ObjectNode object, String idempotencyKey) {
    return call(ref, "create", ops -> tree(ops.resource(generic(object)).create()));
  }

  @Override
  public ObjectNode update(ObjectRef ref, ObjectNode object) {
    return call(ref, "update", ops -> tree(ops.resource(generic(object)).update()));
  }

  @Override
  public ObjectNode patch(ObjectRef ref, PatchStrategy strategy, JsonNode body) {
    PatchType type = switch (strategy) {
      case MERGE -> PatchType.JSON_MERGE;
      case STRATEGIC_MERGE -> PatchType.STRATEGIC_MERGE;
      case JSON -> PatchType.JSON;
    };
    return call(ref, "patch", ops -> tree(ops.withName(ref.name()).patch(PatchContext.of(type), Json.string(body))));
  }

  @Override
  public void delete(ObjectRef ref) {
    call(ref, "delete", ops -> ops.withName(ref.name()).delete());
  }

  private <T> T call(ObjectRef ref, String verb,
      Function<NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>, T> action) {
    if (!cluster.available()) {
      throw TriggerFailure.permanent("k8s trigger for " + ref.kind() + " needs cluster mode or a kubeconfig: "
          + ClusterAccess.REASON);
    }
    KubernetesClient client = cluster.client();
    try {
      var kind = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
      return action.apply(ref.namespace().isEmpty() ? kind : kind.inNamespace(ref.namespace()));
    } catch (KubernetesClientException e) {
      String why = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
          : e.getMessage();
      String message = verb + " " + ref + " at " + client.getMasterUrl() + " failed (" + (e.getCode() == 0
          ? "no answer" : "HTTP " + e.getCode()) + "): " + why;
      // a conflict on update is a stale version, worth another go; on create the name is taken, which stays so.
      // Other refusals (400, 403, 404, 422, ...) stay refusals however often they are asked
      boolean retryable = e.getCode() == 0 || e.getCode() == CONFLICT && !verb.equals("create")
          || e.getCode() == TOO_MANY_REQUESTS || e.getCode() >= 500;
      throw retryable ? TriggerFailure.transientFailure(message, e) : TriggerFailure.permanent(message);
    }
  }

  private GenericKubernetesResource generic(ObjectNode object) {
    return cluster.client().getKubernetesSerialization().unmarshal(Json.string(object),
        GenericKubernetesResource.class);
  }

  private ObjectNode tree(GenericKubernetesResource r) {
    String json = cluster.client().getKubernetesSerialization().asJson(r);
    return (ObjectNode) Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
