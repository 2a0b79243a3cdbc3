package io.quargo.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.api.CliException;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * argo submit's options. For a file they are applied to the Workflow here, as argo's ApplySubmitOpts
 * does (a -p replaces the argument of that name, others are kept, unknown names are added); for
 * --from they are sent to the server as "submitOptions".
 */
public record SubmitOptions(List<String> parameters, String entrypoint, String generateName, String name,
    String labels, String serviceAccount, Integer priority, boolean serverDryRun) {

  /** Splits each NAME=VALUE, failing as argo does for a parameter without '='. */
  public static Map<String, String> parse(List<String> parameters) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : parameters) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new CliException("expected parameter of the form: NAME=VALUE. Received: " + p, 2);
      }
      out.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return out;
  }

  /** Labels as "k=v,k2=v2" (argo's -l form). */
  public static Map<String, String> parseLabels(String labels) {
    Map<String, String> out = new LinkedHashMap<>();
    if (labels == null || labels.isBlank()) {
      return out;
    }
    for (String pair : labels.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new CliException("expected labels of the form: KEY=VALUE[,KEY=VALUE]. Received: " + labels, 2);
      }
      out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return out;
  }

  /** Applies the options to a copy of {@code workflow} (a Workflow object). */
  public ObjectNode applyTo(ObjectNode workflow) {
    ObjectNode wf = workflow.deepCopy();
    ObjectNode meta = wf.with("metadata");
    ObjectNode spec = wf.with("spec");
    if (entrypoint != null) {
      spec.put("entrypoint", entrypoint);
    }
    if (serviceAccount != null) {
      spec.put("serviceAccountName", serviceAccount);
    }
    if (priority != null) {
      spec.put("priority", priority);
    }
    if (generateName != null) {
      meta.put("generateName", generateName);
    }
    if (name != null) {
      meta.put("name", name);
    }
    Map<String, String> labelMap = parseLabels(labels);
    if (!labelMap.isEmpty()) {
      ObjectNode l = meta.with("labels");
      labelMap.forEach(l::put);
    }
    if (!parameters.isEmpty()) {
      spec.set("arguments", withParameters(spec.path("arguments"), parse(parameters)));
    }
    return wf;
  }

  private static ObjectNode withParameters(JsonNode arguments, Map<String, String> given) {
    ObjectNode args = arguments.isObject() ? ((ObjectNode) arguments).deepCopy() : Json.object();
    ArrayNode out = Json.MAPPER.createArrayNode();
    given.forEach((k, v) -> out.addObject().put("name", k).put("value", v));
    for (JsonNode p : args.path("parameters")) {
      if (!given.containsKey(p.path("name").asText())) {
        out.add(p);
      }
    }
    args.set("parameters", out);
    return args;
  }

  /** The "submitOptions" object of a submit-from request. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    if (!parameters.isEmpty()) {
      ArrayNode a = o.putArray("parameters");
      parse(parameters).forEach((k, v) -> a.add(k + "=" + v));
    }
    putIfSet(o, "entryPoint", entrypoint);
    putIfSet(o, "generateName", generateName);
    putIfSet(o, "name", name);
    putIfSet(o, "labels", labels);
    putIfSet(o, "serviceAccount", serviceAccount);
    if (priority != null) {
      o.put("priority", priority);
    }
    if (serverDryRun) {
      o.put("serverDryRun", true);
    }
    return o;
  }

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  /** Parameters from a --parameter-file (YAML/JSON map) first, then -p ones, which win. */
  public static List<String> merge(Map<String, String> fromFile, List<String> fromFlags) {
    List<String> out = new ArrayList<>();
    Map<String, String> flags = parse(fromFlags);
    fromFile.forEach((k, v) -> {
      if (!flags.containsKey(k)) {
        out.add(k + "=" + v);
      }
    });
    out.addAll(fromFlags);
    return out;
  }
}
