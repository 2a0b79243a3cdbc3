package io.quargo.sensor.trigger.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Where a k8s trigger's objects live: an apiserver ({@link ClusterTarget}) or Quargo's own store
 * ({@link LocalTarget}). Plain reads and writes; the trigger's semantics (create-once, update by merging into the
 * live object, ...) are the trigger's. Failures are {@link io.quargo.sensor.trigger.TriggerFailure}s without a
 * JSON path, which the trigger adds.
 */
public interface K8sTarget {
  /** The object, or empty when there is none. */
  Optional<ObjectNode> get(ObjectRef ref);

  /** The objects of {@code ref}'s kind in its namespace carrying {@code label=value} ({@code ref.name} unused). */
  List<ObjectNode> list(ObjectRef ref, String label, String value);

  /**
   * Creates the object.
   *
   * @param idempotencyKey the firing's execution key, for a target that hands the creation on (a Workflow to the
   *     workflow-service); the object carries it as a label already
   * @return the object as created, or as far as known when the creation happens later (no name yet)
   */
  ObjectNode create(ObjectRef ref, ObjectNode object, String idempotencyKey);

  /** Replaces the object; {@code object} carries the live one's {@code resourceVersion}. */
  ObjectNode update(ObjectRef ref, ObjectNode object);

  ObjectNode patch(ObjectRef ref, PatchStrategy strategy, JsonNode body);

  /** Deletes the object; nothing when it is gone already. */
  void delete(ObjectRef ref);
}
