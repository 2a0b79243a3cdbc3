package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** argo list's table: NAME STATUS AGE DURATION PRIORITY MESSAGE (+ P/R/C and PARAMETERS when wide). */
public final class WorkflowList {
  private WorkflowList() {}

  public static String render(List<JsonNode> workflows, boolean wide, boolean headers, Instant now) {
    return render(workflows, wide, headers, false, now);
  }

  /** With {@code namespaces}, a NAMESPACE column first (list -A). */
  public static String render(List<JsonNode> workflows, boolean wide, boolean headers, boolean namespaces,
      Instant now) {
    Table t = new Table(false);
    if (headers) {
      List<String> h = new ArrayList<>(List.of("NAME", "STATUS", "AGE", "DURATION", "PRIORITY", "MESSAGE"));
      if (wide) {
        h.addAll(List.of("P/R/C", "PARAMETERS"));
      }
      if (namespaces) {
        h.add(0, "NAMESPACE");
      }
      t.row(h.toArray(String[]::new));
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
      List<String> cells = new ArrayList<>(
          List.of(name, phase.isEmpty() ? "Pending" : phase, age, duration, priority, message));
      if (wide) {
        cells.addAll(List.of(podCounts(status), parameters(wf)));
      }
      if (namespaces) {
        cells.add(0, wf.path("metadata").path("namespace").asText(""));
      }
      t.row(cells.toArray(String[]::new));
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
