package io.quargo.workflow.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.resource.ResourceStoreException;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.NodeNames;
import io.quargo.workflow.engine.Resubmission;
import io.quargo.workflow.engine.WorkflowActions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commands to the workflow-service (DESIGN §2, {@code commands.workflow.<namespace>}), each applied once per
 * idempotency key. A submission's name is derived from its key, so a redelivered command finds its workflow
 * already there instead of creating a second one; the other actions are idempotent by nature.
 *
 * <pre>
 * {"idempotencyKey": "k", "action": "submit", "workflow": {...a Workflow manifest...}}
 * {"idempotencyKey": "k", "action": "submitFrom", "kind": "WorkflowTemplate", "name": "t",
 *  "parameters": {"p": "v"}, "labels": {...}, "entrypoint": "main"}
 * {"idempotencyKey": "k", "action": "resume|suspend|stop|terminate|retry|resubmit", "name": "wf",
 *  "nodeFieldSelector": "...", "message": "...", "memoized": true, "parameters": {"p": "v"}}
 * </pre>
 */
public final class WorkflowCommands {
  /** The label carrying (a hash of) the command's idempotency key on what it created. */
  public static final String KEY_LABEL = "quargo.io/idempotency-key";
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final ResourceStore store;
  private final WorkflowController controller;
  private final Clock clock;

  public WorkflowCommands(ResourceStore store, WorkflowController controller, Clock clock) {
    this.store = store;
    this.controller = controller;
    this.clock = clock;
  }

  /** What happened, for the log; {@link EngineException} for a command that can never apply. */
  public String apply(String namespace, JsonNode command) {
    String key = command.path("idempotencyKey").asText("");
    if (key.isEmpty()) {
      throw new EngineException("command has no idempotencyKey");
    }
    String action = command.path("action").asText("");
    return switch (action) {
      case "submit" -> submit(namespace, key, (ObjectNode) require(command, "workflow").deepCopy());
      case "submitFrom" -> submit(namespace, key, fromTemplate(namespace, command));
      case "resubmit" -> submit(namespace, key, resubmission(namespace, key, command));
      case "resume", "suspend", "stop", "terminate", "retry" -> act(namespace, action, command);
      default -> throw new EngineException("unknown command action '" + action + "'; expected submit, submitFrom,"
          + " resume, suspend, stop, terminate, retry or resubmit");
    };
  }

  private String submit(String namespace, String key, ObjectNode workflow) {
    ObjectNode meta = workflow.has("metadata") ? (ObjectNode) workflow.get("metadata")
        : workflow.putObject("metadata");
    meta.put("namespace", namespace);
    String keyHash = Long.toString(NodeNames.fnv32a(key)) + "-" + Long.toString(NodeNames.fnv32a(key + "#"));
    ObjectNode labels = meta.has("labels") ? (ObjectNode) meta.get("labels") : meta.putObject("labels");
    labels.put(KEY_LABEL, keyHash);
    if (!meta.hasNonNull("name")) {
      String prefix = meta.path("generateName").asText("");
      if (prefix.isEmpty()) {
        throw new EngineException("the workflow has neither metadata.name nor metadata.generateName");
      }
      meta.put("name", prefix + suffix(key));
      meta.remove("generateName");
    }
    String name = meta.get("name").asText();
    try {
      controller.submit(Resource.of(workflow));
      return "submitted workflow " + namespace + "/" + name;
    } catch (ResourceStoreException e) {
      if (e.reason() != ResourceStoreException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      Resource existing = store.get(ArgoKinds.WORKFLOW, namespace, name).orElseThrow(() -> e);
      if (keyHash.equals(existing.labels().get(KEY_LABEL))) {
        return "workflow " + namespace + "/" + name + " was already submitted for this key";
      }
      throw new EngineException("workflow " + namespace + "/" + name + " already exists and was not created by"
          + " this command");
    }
  }

  private ObjectNode fromTemplate(String namespace, JsonNode command) {
    String kind = command.path("kind").asText("WorkflowTemplate");
    String name = require(command, "name").asText();
    boolean cluster = kind.equals("ClusterWorkflowTemplate");
    ResourceKind rk = cluster ? ArgoKinds.CLUSTER_WORKFLOW_TEMPLATE : ArgoKinds.WORKFLOW_TEMPLATE;
    if (!cluster && !kind.equals("WorkflowTemplate")) {
      throw new EngineException("submitFrom kind must be WorkflowTemplate or ClusterWorkflowTemplate, got " + kind);
    }
    store.get(rk, cluster ? null : namespace, name).orElseThrow(() -> new EngineException(
        kind + " " + name + " not found in namespace " + namespace));
    ObjectNode wf = Json.MAPPER.createObjectNode().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    ObjectNode meta = wf.putObject("metadata").put("generateName", command.path("generateName").asText(name + "-"));
    if (command.has("labels")) {
      meta.set("labels", command.get("labels").deepCopy());
    }
    ObjectNode spec = wf.putObject("spec");
    ObjectNode ref = spec.putObject("workflowTemplateRef").put("name", name);
    if (cluster) {
      ref.put("clusterScope", true);
    }
    if (command.hasNonNull("entrypoint")) {
      spec.put("entrypoint", command.get("entrypoint").asText());
    }
    parameters(command).forEach((k, v) -> spec.with("arguments").withArray("parameters").addObject()
        .put("name", k).put("value", v));
    return wf;
  }

  private ObjectNode resubmission(String namespace, String key, JsonNode command) {
    String name = require(command, "name").asText();
    Resource old = store.get(ArgoKinds.WORKFLOW, namespace, name).orElseThrow(() -> new EngineException(
        "workflow " + namespace + "/" + name + " not found"));
    ObjectNode wf = Json.MAPPER.createObjectNode().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    ObjectNode meta = wf.putObject("metadata").put("generateName", name + "-");
    meta.set("labels", Json.MAPPER.valueToTree(old.labels()));
    meta.with("labels").put("workflows.argoproj.io/resubmitted-from-workflow", name);
    ObjectNode spec = (ObjectNode) old.spec().deepCopy();
    spec.remove("shutdown");
    spec.remove("suspend");
    wf.set("spec", spec);
    parameters(command).forEach((k, v) -> setParameter(spec, k, v));
    if (command.path("memoized").asBoolean(false)) {
      // the kept nodes are named after the new workflow, so its name is fixed now (from the key: redelivery-safe)
      Resource full = controller.hydrate(old);
      Resubmission.requireFailed(name, full.status().path("phase").asText(""));
      String newName = name + "-" + suffix(key);
      meta.put("name", newName).remove("generateName");
      wf.set("status", Resubmission.memoizedStatus(name, full.status(), newName, clock.instant()));
    }
    return wf;
  }

  /** Overrides the parameter's value, or adds it (a resubmit with {@code -p} replaces, never duplicates). */
  private static void setParameter(ObjectNode spec, String name, String value) {
    for (JsonNode p : spec.with("arguments").withArray("parameters")) {
      if (p.path("name").asText().equals(name)) {
        ((ObjectNode) p).put("value", value).remove("valueFrom");
        return;
      }
    }
    spec.with("arguments").withArray("parameters").addObject().put("name", name).put("value", value);
  }

  private String act(String namespace, String action, JsonNode command) {
    String name = require(command, "name").asText();
    String selector = command.path("nodeFieldSelector").asText(null);
    Map<String, String> params = parameters(command);
    try {
      controller.act(namespace, name, run -> {
        switch (action) {
          case "resume" -> WorkflowActions.resume(run, selector, params, clock.instant());
          case "suspend" -> WorkflowActions.suspend(run);
          case "stop" -> WorkflowActions.stop(run, selector, command.path("message").asText(null), clock.instant());
          case "terminate" -> WorkflowActions.terminate(run);
          default -> WorkflowActions.retry(run, command.path("restartSuccessful").asBoolean(false), selector, params);
        }
      });
      return action + " applied to workflow " + namespace + "/" + name;
    } catch (EngineException e) {
      // a repeated stop of a stopped workflow, a resume of a running one: already in effect
      return action + " not applied to workflow " + namespace + "/" + name + ": " + e.getMessage();
    }
  }

  private static Map<String, String> parameters(JsonNode command) {
    Map<String, String> params = new LinkedHashMap<>();
    command.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(),
        e.getValue().isValueNode() ? e.getValue().asText() : Json.string(e.getValue())));
    return params;
  }

  private static JsonNode require(JsonNode command, String field) {
    JsonNode v = command.get(field);
    if (v == null || v.isNull()) {
      throw new EngineException("command " + command.path("action").asText() + " needs '" + field + "'");
    }
    return v;
  }

  /** Five characters from the k8s name alphabet, a function of the key: the same key, the same name. */
  static String suffix(String key) {
    long h = NodeNames.fnv32a(key) * 31 + NodeNames.fnv32a(key + "/");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      b.append(ALPHABET.charAt((int) Math.floorMod(h, ALPHABET.length())));
      h /= ALPHABET.length();
    }
    return b.toString();
  }
}
