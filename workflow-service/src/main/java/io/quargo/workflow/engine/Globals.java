package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code workflow.*} variables every template sees (Argo's {@code globalParams}). */
final class Globals {
  private Globals() {}

  static Map<String, Object> of(WorkflowRun run, Instant now) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("workflow.name", run.name);
    g.put("workflow.namespace", run.namespace);
    g.put("workflow.uid", run.uid);
    g.put("workflow.mainEntrypoint", run.spec.path("entrypoint").asText(""));
    g.put("workflow.serviceAccountName", run.spec.path("serviceAccountName").asText(""));
    g.put("workflow.priority", Integer.toString(run.spec.path("priority").asInt(0)));
    g.put("workflow.creationTimestamp", Times.k8s(run.creationTimestamp));
    g.put("workflow.creationTimestamp.RFC3339", Times.k8s(run.creationTimestamp));
    if (run.creationGlobals == null) { // 20 formatted fields that never change: computed once per run
      Map<String, Object> created = new LinkedHashMap<>();
      strftime(created, ZonedDateTime.ofInstant(run.creationTimestamp, ZoneOffset.UTC));
      run.creationGlobals = created;
    }
    g.putAll(run.creationGlobals);
    Instant started = run.startedAt == null ? now : run.startedAt;
    double seconds = Duration.between(started, now).toMillis() / 1000.0;
    g.put("workflow.duration", io.quargo.core.tags.GoFormat.float64(seconds));
    map(g, "workflow.labels", run.metadata.path("labels"));
    map(g, "workflow.annotations", run.metadata.path("annotations"));
    ArrayNode params = Json.MAPPER.createArrayNode();
    for (JsonNode p : run.spec.path("arguments").path("parameters")) {
      String value = p.has("value") ? Inputs.text(p.get("value"))
          : p.path("valueFrom").has("default") ? Inputs.text(p.get("valueFrom").get("default")) : null;
      if (value != null) {
        g.put("workflow.parameters." + p.path("name").asText(), value);
      }
      params.add(p);
    }
    g.put("workflow.parameters.json", Json.string(params));
    run.globalOutputs.forEach((k, v) -> g.put("workflow.outputs.parameters." + k, v));
    run.globalArtifacts.forEach((k, v) -> g.put("workflow.outputs.artifacts." + k, Artifacts.var(v)));
    JsonNode scheduled = run.metadata.path("annotations").get("workflows.argoproj.io/scheduled-time");
    if (scheduled != null) {
      g.put("workflow.scheduledTime", scheduled.asText()); // set by the CronWorkflow that made this run
    }
    return g;
  }

  private static void map(Map<String, Object> g, String prefix, JsonNode values) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    values.fields().forEachRemaining(e -> {
      g.put(prefix + "." + e.getKey(), e.getValue().asText());
      json.put(e.getKey(), e.getValue().asText());
    });
    g.put(prefix + ".json", Json.string(json));
  }

  /** {@code workflow.creationTimestamp.<c>} for each strftime conversion character Argo offers. */
  private static void strftime(Map<String, Object> g, ZonedDateTime t) {
    String p = "workflow.creationTimestamp.";
    g.put(p + "Y", String.format("%04d", t.getYear()));
    g.put(p + "y", String.format("%02d", t.getYear() % 100));
    g.put(p + "m", String.format("%02d", t.getMonthValue()));
    g.put(p + "d", String.format("%02d", t.getDayOfMonth()));
    g.put(p + "e", String.format("%2d", t.getDayOfMonth()));
    g.put(p + "H", String.format("%02d", t.getHour()));
    g.put(p + "I", String.format("%02d", (t.getHour() + 11) % 12 + 1));
    g.put(p + "M", String.format("%02d", t.getMinute()));
    g.put(p + "S", String.format("%02d", t.getSecond()));
    g.put(p + "j", String.format("%03d", t.getDayOfYear()));
    g.put(p + "s", Long.toString(t.toEpochSecond()));
    g.put(p + "b", t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH));
    g.put(p + "B", t.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
    g.put(p + "a", t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH));
    g.put(p + "A", t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
    g.put(p + "p", t.getHour() < 12 ? "AM" : "PM");
    g.put(p + "u", Integer.toString(t.getDayOfWeek().getValue()));
    g.put(p + "w", Integer.toString(t.getDayOfWeek().getValue() % 7));
  }
}
