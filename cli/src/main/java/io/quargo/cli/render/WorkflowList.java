package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** argo list's table: NAME STATUS AGE DURATION PRIORITY MESSAGE (+ P/R/C and PARAMETERS when wide). */
public final class WorkflowList {
  private WorkflowList() {}

  public static String render(List<JsonNode> workflows, boolean wide, boolean headers, Instant now) {
    Table t = new Table(false);
    if (headers) {
      if (wide) {
        t.row("NAME", "STATUS", "AGE", "DURATION", "PRIORITY", "MESSAGE", "P/R/C", "PARAMETERS");
      } else {
        t.row("NAME", "STATUS", "AGE", "DURATION", "PRIORITY", "MESSAGE");
      }
    }
    for (JsonNode wf : workflows) {
      JsonNode status = wf.path("status");
      String name = wf.path("metadata").path("name").asText();
      String phase = status.path("phase").asText("");
      String age = Durations.shortForm(Durations.between(
          Durations.time(wf.path("metadata").get("creationTimestamp")), now, now));
      String duration = Durations.shortForm(Durations.between(
          Durations.time(status.get("startedAt")), Durations.time(status.get("finishedAt")), now));
      String priority = wf.path("spec").path("priority").asText("0");
      String message = status.path("message").asText("");
      if (wide) {
        t.row(name, phase.isEmpty() ? "Pending" : phase, age, duration, priority, message, podCounts(status),
            parameters(wf));
      } else {
        t.row(name, phase.isEmpty() ? "Pending" : phase, age, duration, priority, message);
      }
    }
    return t.render();
  }

  /** Pending/Running/Completed pod counts. */
  private static String podCounts(JsonNode status) {
    int p = 0;
    int r = 0;
    int c = 0;
    for (JsonNode n : status.path("nodes")) {
      if (!"Pod".equals(n.path("type").asText())) {
        continue;
      }
      switch (n.path("phase").asText()) {
        case "Pending" -> p++;
        case "Running" -> r++;
        default -> c++;
      }
    }
    return p + "/" + r + "/" + c;
  }

  private static String parameters(JsonNode wf) {
    StringBuilder b = new StringBuilder();
    for (JsonNode param : wf.path("spec").path("arguments").path("parameters")) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(param.path("name").asText()).append('=').append(param.path("value").asText());
    }
    return b.toString();
  }
}
