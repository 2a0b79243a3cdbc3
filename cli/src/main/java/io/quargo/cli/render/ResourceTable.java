package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The table for templates, cron workflows, event sources, sensors and the rest: NAME and AGE, plus
 * what argo cron list shows for CronWorkflows (schedule, last run, suspended).
 */
public final class ResourceTable {
  private ResourceTable() {}

  public static String render(String kind, List<JsonNode> items, boolean headers, Instant now) {
    Table t = new Table(false);
    boolean cron = "CronWorkflow".equals(kind);
    if (headers) {
      if (cron) {
        t.row("NAME", "AGE", "LAST RUN", "SCHEDULE", "TIMEZONE", "SUSPENDED");
      } else {
        t.row("NAME", "NAMESPACE", "AGE");
      }
    }
    for (JsonNode item : items) {
      JsonNode meta = item.path("metadata");
      String age = Durations.shortForm(Durations.between(Durations.time(meta.get("creationTimestamp")), now, now));
      if (cron) {
        JsonNode spec = item.path("spec");
        String schedule = spec.has("schedules") && spec.path("schedules").size() > 0
            ? join(spec.path("schedules")) : spec.path("schedule").asText("");
        Instant last = Durations.time(item.path("status").get("lastScheduledTime"));
        t.row(meta.path("name").asText(), age,
            last == null ? "N/A" : Durations.shortForm(Durations.between(last, now, now)),
            schedule, spec.path("timezone").asText(""), Boolean.toString(spec.path("suspend").asBoolean(false)));
      } else {
        t.row(meta.path("name").asText(), meta.path("namespace").asText(""), age);
      }
    }
    return t.render();
  }

  private static String join(JsonNode array) {
    StringBuilder b = new StringBuilder();
    array.forEach(s -> b.append(b.length() > 0 ? "," : "").append(s.asText()));
    return b.toString();
  }
}
