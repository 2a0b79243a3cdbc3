package io.quargo.sensor.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.runner.Pacer;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.k8s.K8sObjects;
import io.quargo.sensor.trigger.k8s.K8sSource;
import io.quargo.sensor.trigger.k8s.K8sTarget;
import io.quargo.sensor.trigger.k8s.LabelWait;
import io.quargo.sensor.trigger.k8s.ObjectRef;
import io.quargo.sensor.trigger.k8s.PatchStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code k8s} trigger (Argo's standard K8s trigger): {@code source} gives a manifest, {@code parameters} are
 * applied to it, and {@code operation} acts on it in a {@link K8sTarget} (an apiserver, or Quargo's store in
 * standalone mode). The namespace is the manifest's, else the Sensor's.
 *
 * <ul>
 *   <li>{@code create} (the default) labels the object as Argo does ({@code events.argoproj.io/sensor},
 *       {@code /trigger}, {@code /action-timestamp}) and with the firing's execution key
 *       ({@value #EXECUTION_KEY}, label and annotation). Before creating it looks for an object of that kind in
 *       that namespace with that label: a repeated firing finds the first one instead of making a second (with
 *       {@code generateName} nothing else could tell them apart).</li>
 *   <li>{@code update} merges the manifest into the live object (creating it when absent); with
 *       {@code liveObject} the live object itself, read by name, is what parameters apply to.</li>
 *   <li>{@code patch} sends the manifest as a patch ({@code patchStrategy}, merge by default; creating it when
 *       absent). For {@code application/json-patch+json} the RFC 6902 operations are the manifest's
 *       {@code patch} list: Argo sends the object itself, which the apiserver refuses (argo-events#3032).</li>
 *   <li>{@code delete} deletes the named object; nothing to do when it is gone.</li>
 * </ul>
 * Update, patch and delete give the same result when repeated, so a repeated firing needs no key for them.
 * {@code policy.k8s} then waits for labels on the object ({@link LabelWait}).
 */
public final class K8sTrigger implements TriggerExecutor {
  /** Label and annotation carrying the execution key of the firing that created an object. */
  public static final String EXECUTION_KEY = "quargo.io/execution-key";
  private static final List<String> OPERATIONS = List.of("create", "update", "patch", "delete");
  /** Kinds Argo writes without a namespace. */
  private static final Set<String> CLUSTER_KINDS = Set.of("Namespace", "Node");
  private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  private final K8sTarget target;
  private final Pacer pacer;
  private final Clock clock;

  public K8sTrigger(K8sTarget target, Pacer pacer, Clock clock) {
    this.target = target;
    this.pacer = pacer;
    this.clock = clock;
  }

  public K8sTrigger(K8sTarget target) {
    this(target, Pacer.system(), Clock.systemUTC());
  }

  @Override
  public String kind() {
    return "k8s";
  }

  @Override
  public void validate(Trigger trigger) {
    JsonNode spec = trigger.typeSpec();
    String where = trigger.where() + ".template." + trigger.type();
    String op = operation(spec);
    if (!OPERATIONS.contains(op)) {
      throw new SensorSpecException(where + ".operation", "must be one of " + String.join(", ", OPERATIONS)
          + "; got '" + op + "'");
    }
    K8sSource.validate(spec.path("source"), where + ".source");
    if (op.equals("patch")) {
      PatchStrategy strategy = strategy(spec, where);
      JsonNode resource = spec.path("source").path("resource");
      if (strategy == PatchStrategy.JSON && resource.isObject() && !resource.path("patch").isArray()) {
        throw new SensorSpecException(where + ".source.resource.patch", "application/json-patch+json needs the "
            + "RFC 6902 operations here, e.g. patch: [{op: add, path: /spec/x, value: 1}], beside apiVersion, "
            + "kind and metadata naming the object");
      }
    }
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    String where = trigger.where() + ".template." + trigger.type();
    JsonNode spec = template.get(trigger.type());
    String op = operation(spec);
    try {
      ObjectNode manifest = K8sSource.read(spec.path("source"), sensor.namespace(), target, where + ".source");
      if (op.equals("update") && spec.path("liveObject").asBoolean(false)) {
        manifest = live(manifest, where);
      }
      if (!(TriggerParameters.apply(manifest, trigger.typeParameters(), firing.events()) instanceof ObjectNode o)) {
        throw TriggerFailure.permanent(where + ".parameters: the parameters replaced the whole manifest by a "
            + "non-object");
      }
      ObjectRef ref = identify(o, sensor, op, where);
      ObjectNode written = switch (op) {
        case "create" -> create(ref, o, sensor, trigger, firing);
        case "update" -> target.get(ref).map(live -> target.update(ref, K8sObjects.mergeInto(live, o)))
            .orElseGet(() -> target.create(ref, o, firing.executionKey()));
        case "patch" -> patchOrCreate(ref, o, strategy(spec, where), firing);
        default -> {
          if (target.get(ref).isPresent()) {
            target.delete(ref);
          }
          yield null;
        }
      };
      if (written != null && trigger.k8sPolicy() != null) {
        ObjectRef at = ref.withName(written.path("metadata").path("name").asText(ref.name()));
        String key = labelValue(firing.executionKey());
        LabelWait.await(trigger.k8sPolicy(), () -> at.name().isEmpty()
            ? target.list(at, EXECUTION_KEY, key).stream().findFirst() : target.get(at), pacer,
            trigger.where() + ".policy.k8s");
      }
    } catch (TriggerFailure e) {
      if (e.getMessage().startsWith(trigger.where())) {
        throw e;
      }
      String message = where + ": " + e.getMessage();
      throw e.permanent() ? TriggerFailure.permanent(message) : TriggerFailure.transientFailure(message, e);
    }
  }

  private ObjectNode create(ObjectRef ref, ObjectNode object, Sensor sensor, Trigger trigger, Firing firing) {
    String key = labelValue(firing.executionKey());
    ObjectNode meta = object.with("metadata");
    meta.with("labels").put("events.argoproj.io/sensor", sensor.name())
        .put("events.argoproj.io/trigger", trigger.name())
        .put("events.argoproj.io/action-timestamp", Long.toString(clock.millis()))
        .put(EXECUTION_KEY, key);
    meta.with("annotations").put(EXECUTION_KEY, firing.executionKey());
    Optional<ObjectNode> made = target.list(ref, EXECUTION_KEY, key).stream().findFirst();
    // a repeat of this firing (redelivered after a crash, or retried): the object exists, making it again would
    // make a second one
    return made.orElseGet(() -> target.create(ref, object, firing.executionKey()));
  }

  /** As Argo: an absent object is created from the manifest, which a list of JSON patch operations is not. */
  private ObjectNode patchOrCreate(ObjectRef ref, ObjectNode manifest, PatchStrategy strategy, Firing firing) {
    boolean exists = target.get(ref).isPresent();
    if (strategy == PatchStrategy.JSON) {
      if (!manifest.path("patch").isArray()) {
        throw TriggerFailure.permanent("source.resource.patch: application/json-patch+json needs the RFC 6902 "
            + "operations here");
      }
      if (!exists) {
        // it may yet be created by someone else: worth another go
        throw TriggerFailure.transientFailure("patch " + ref + ": there is no such object to apply the JSON patch"
            + " to", null);
      }
      return target.patch(ref, strategy, manifest.get("patch"));
    }
    return exists ? target.patch(ref, strategy, manifest) : target.create(ref, manifest, firing.executionKey());
  }

  private ObjectNode live(ObjectNode manifest, String where) {
    ObjectRef ref = ObjectRef.of(manifest);
    if (ref.name().isEmpty() || ref.namespace().isEmpty() && !CLUSTER_KINDS.contains(ref.kind())) {
      throw TriggerFailure.permanent(where + ".liveObject: the manifest must name the live object: apiVersion, "
          + "kind, metadata.name and metadata.namespace");
    }
    return target.get(ref).orElseThrow(() -> TriggerFailure.transientFailure(where + ".liveObject: " + ref
        + " does not exist", null));
  }

  /** Checks the manifest names a kind (and an object, except to create) and settles its namespace. */
  private static ObjectRef identify(ObjectNode o, Sensor sensor, String op, String where) {
    for (String field : List.of("apiVersion", "kind")) {
      if (o.path(field).asText("").isBlank()) {
        throw TriggerFailure.permanent(where + ".source.resource." + field + ": is required");
      }
    }
    if (o.has("metadata") && !o.get("metadata").isObject()) {
      throw TriggerFailure.permanent(where + ".source.resource.metadata: must be a map");
    }
    ObjectNode meta = o.with("metadata");
    if (!op.equals("create") && meta.path("name").asText("").isEmpty()) {
      throw TriggerFailure.permanent(where + ".source.resource.metadata.name: " + op + " needs the object's name");
    }
    if (op.equals("create") && meta.path("name").asText("").isEmpty()
        && meta.path("generateName").asText("").isEmpty()) {
      throw TriggerFailure.permanent(where + ".source.resource.metadata: needs name or generateName");
    }
    if (CLUSTER_KINDS.contains(o.path("kind").asText())) {
      meta.remove("namespace");
    } else if (meta.path("namespace").asText("").isEmpty()) {
      meta.put("namespace", sensor.namespace());
    }
    return ObjectRef.of(o);
  }

  private static String operation(JsonNode spec) {
    String op = spec.path("operation").asText("");
    return op.isEmpty() ? "create" : op;
  }

  private static PatchStrategy strategy(JsonNode spec, String where) {
    String given = spec.path("patchStrategy").asText("");
    if (given.isEmpty()) {
      return PatchStrategy.MERGE;
    }
    return PatchStrategy.of(given).orElseThrow(() -> new SensorSpecException(where + ".patchStrategy",
        "must be application/merge-patch+json (the default), application/strategic-merge-patch+json or "
            + "application/json-patch+json; got '" + given + "'"));
  }

  /** The execution key as a label value: itself when it is one (the runner's keys are 32 hex digits), else a hash. */
  static String labelValue(String key) {
    if (LABEL_VALUE.matcher(key).matches()) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
