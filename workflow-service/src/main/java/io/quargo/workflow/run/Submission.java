package io.quargo.workflow.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.WorkflowRun;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a submitted Workflow into a {@link WorkflowRun}: name from {@code generateName}, {@code -p} parameters and
 * {@code --entrypoint} applied, and {@code workflowTemplateRef} merged (the workflow's own fields win,
 * arguments merge by name) as Argo's {@code JoinWorkflowSpec} does.
 */
public final class Submission {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Submission() {}

  public static WorkflowRun prepare(Resource workflow, Map<String, String> parameters, String entrypoint,
      TemplateResolver templates, Instant now) {
    ObjectNode metadata = workflow.tree().path("metadata").deepCopy();
    if (!metadata.hasNonNull("name") || metadata.get("name").asText().isEmpty()) {
      String prefix = metadata.path("generateName").asText("");
      if (prefix.isEmpty()) {
        throw new EngineException("metadata.name or metadata.generateName is required");
      }
      metadata.put("name", prefix + suffix());
    }
    if (!metadata.hasNonNull("namespace")) {
      metadata.put("namespace", "default");
    }
    if (!metadata.hasNonNull("uid")) {
      metadata.put("uid", UUID.randomUUID().toString());
    }
    ObjectNode spec = workflow.tree().path("spec").deepCopy();
    if (spec.has("workflowTemplateRef")) {
      spec = joinTemplate(spec, templates);
    }
    if (entrypoint != null && !entrypoint.isEmpty()) {
      spec.put("entrypoint", entrypoint);
    }
    setParameters(spec, parameters);
    return new WorkflowRun(metadata, spec, now);
  }

  private static ObjectNode joinTemplate(ObjectNode spec, TemplateResolver templates) {
    JsonNode ref = spec.get("workflowTemplateRef");
    String name = ref.path("name").asText();
    boolean cluster = ref.path("clusterScope").asBoolean(false);
    Resource template = templates.workflowTemplate(name, cluster).orElseThrow(() -> new EngineException(
        (cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate") + " \"" + name
            + "\" not found (spec.workflowTemplateRef); create it first"));
    ObjectNode joined = template.spec().deepCopy();
    ObjectNode args = joined.has("arguments") ? (ObjectNode) joined.get("arguments") : joined.putObject("arguments");
    for (JsonNode p : spec.path("arguments").path("parameters")) {
      mergeByName(args.has("parameters") ? (ArrayNode) args.get("parameters") : args.putArray("parameters"), p);
    }
    for (JsonNode a : spec.path("arguments").path("artifacts")) {
      mergeByName(args.has("artifacts") ? (ArrayNode) args.get("artifacts") : args.putArray("artifacts"), a);
    }
    Iterator<Map.Entry<String, JsonNode>> it = spec.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("arguments") && !e.getKey().equals("workflowTemplateRef")) {
        joined.set(e.getKey(), e.getValue());
      }
    }
    return joined;
  }

  private static void mergeByName(ArrayNode list, JsonNode item) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path("name").asText().equals(item.path("name").asText())) {
        list.set(i, item);
        return;
      }
    }
    list.add(item);
  }

  private static void setParameters(ObjectNode spec, Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return;
    }
    ObjectNode args = spec.has("arguments") ? (ObjectNode) spec.get("arguments") : spec.putObject("arguments");
    ArrayNode params = args.has("parameters") ? (ArrayNode) args.get("parameters") : args.putArray("parameters");
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

  private static String suffix() {
    StringBuilder b = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
