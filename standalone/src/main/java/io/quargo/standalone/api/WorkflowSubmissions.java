package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.Resubmission;
import java.util.Map;

/**
 * New Workflows made from other objects, as Argo Server makes them: {@code argo submit --from} (a
 * WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow) and {@code argo resubmit}. Pure: the caller stores
 * the result.
 */
public final class WorkflowSubmissions {
  static final String LABEL_PREFIX = "workflows.argoproj.io/";

  private WorkflowSubmissions() {}

  /** A Workflow referring to a (Cluster)WorkflowTemplate by {@code workflowTemplateRef}, labelled with it. */
  public static ObjectNode fromTemplate(String namespace, String name, boolean cluster) {
    ObjectNode wf = skeleton(namespace, name + "-");
    labels(wf).put(LABEL_PREFIX + (cluster ? "cluster-workflow-template" : "workflow-template"), name);
    ObjectNode ref = ((ObjectNode) wf.get("spec")).putObject("workflowTemplateRef").put("name", name);
    if (cluster) {
      ref.put("clusterScope", true);
    }
    return wf;
  }

  /** A Workflow from a CronWorkflow's {@code spec.workflowSpec} and {@code workflowMetadata}. */
  public static ObjectNode fromCronWorkflow(Resource cron) {
    ObjectNode wf = skeleton(cron.namespace(), cron.name() + "-");
    JsonNode meta = cron.spec().path("workflowMetadata");
    meta.path("labels").fields().forEachRemaining(e -> labels(wf).set(e.getKey(), e.getValue()));
    meta.path("annotations").fields().forEachRemaining(e -> ((ObjectNode) wf.get("metadata"))
        .with("annotations").set(e.getKey(), e.getValue()));
    labels(wf).put(LABEL_PREFIX + "cron-workflow", cron.name());
    wf.set("spec", cron.spec().path("workflowSpec").deepCopy());
    return wf;
  }

  /** {@code argo resubmit}: the old spec under a new name {@code <old>-xxxxx}, parameters overridden. */
  public static ObjectNode resubmit(Resource old, Map<String, String> parameters) {
    ObjectNode wf = skeleton(old.namespace(), old.name() + "-");
    old.labels().forEach((k, v) -> {
      if (!k.equals(LABEL_PREFIX + "phase") && !k.equals(LABEL_PREFIX + "completed")) {
        labels(wf).put(k, v);
      }
    });
    labels(wf).put(LABEL_PREFIX + "resubmitted-from-workflow", old.name());
    ObjectNode spec = (ObjectNode) old.spec().deepCopy();
    spec.remove("shutdown");
    spec.remove("suspend");
    wf.set("spec", spec);
    setParameters(spec, parameters, "parameters");
    return wf;
  }

  /**
   * {@code argo resubmit --memoized}: the new workflow gets its name now (Argo's {@code <generateName><5 chars>})
   * and a status holding the old nodes renamed to it; a workflow that did not fail is refused.
   */
  static void memoize(ObjectNode wf, Resource old, java.time.Instant now) {
    try {
      Resubmission.requireFailed(old.name(), old.status().path("phase").asText(""));
    } catch (EngineException e) {
      throw ApiException.invalid(e.getMessage());
    }
    ObjectNode metadata = (ObjectNode) wf.get("metadata");
    String name = metadata.path("generateName").asText() + randomSuffix();
    metadata.put("name", name).remove("generateName");
    wf.set("status", Resubmission.memoizedStatus(old.name(), old.status(), name, now));
  }

  private static String randomSuffix() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      b.append(letters.charAt(random.nextInt(letters.length())));
    }
    return b.toString();
  }

  /**
   * {@code submitOptions}: {@code parameters} ("k=v"), {@code entryPoint}, {@code generateName}, {@code name},
   * {@code labels} ("a=b,c=d"), {@code serviceAccount}. Unknown keys are ignored as Argo does.
   */
  public static void applySubmitOptions(ObjectNode wf, JsonNode options) {
    ObjectNode metadata = (ObjectNode) wf.get("metadata");
    ObjectNode spec = (ObjectNode) wf.get("spec");
    String name = RequestBody.text(options, "name", "submitOptions.name");
    String generateName = RequestBody.text(options, "generateName", "submitOptions.generateName");
    if (name != null && !name.isEmpty()) {
      metadata.put("name", name);
    } else if (generateName != null && !generateName.isEmpty()) {
      metadata.put("generateName", generateName);
    }
    String entryPoint = RequestBody.text(options, "entryPoint", "submitOptions.entryPoint");
    if (entryPoint != null && !entryPoint.isEmpty()) {
      spec.put("entrypoint", entryPoint);
    }
    String serviceAccount = RequestBody.text(options, "serviceAccount", "submitOptions.serviceAccount");
    if (serviceAccount != null && !serviceAccount.isEmpty()) {
      spec.put("serviceAccountName", serviceAccount);
    }
    String labels = RequestBody.text(options, "labels", "submitOptions.labels");
    if (labels != null && !labels.isBlank()) {
      for (String pair : labels.split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw ApiException.invalid("submitOptions.labels: \"" + pair + "\" is not key=value; write a=b,c=d");
        }
        labels(wf).put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    setParameters(spec, RequestBody.parameters(options, "parameters", "submitOptions.parameters"),
        "submitOptions.parameters");
  }

  /** Sets {@code spec.arguments.parameters[name].value}, adding the parameter when it is not there. */
  static void setParameters(ObjectNode spec, Map<String, String> parameters, String path) {
    if (parameters.isEmpty()) {
      return;
    }
    ObjectNode args = spec.with("arguments");
    ArrayNode params = args.withArray("parameters");
    parameters.forEach((k, v) -> {
      for (JsonNode p : params) {
        if (p.path("name").asText().equals(k)) {
          ((ObjectNode) p).put("value", v);
          ((ObjectNode) p).remove("valueFrom");
          return;
        }
      }
      params.addObject().put("name", k).put("value", v);
    });
  }

  private static ObjectNode skeleton(String namespace, String generateName) {
    ObjectNode wf = Json.MAPPER.createObjectNode().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    wf.putObject("metadata").put("generateName", generateName).put("namespace", namespace).putObject("labels");
    wf.putObject("spec");
    return wf;
  }

  private static ObjectNode labels(ObjectNode wf) {
    return ((ObjectNode) wf.get("metadata")).with("labels");
  }
}
