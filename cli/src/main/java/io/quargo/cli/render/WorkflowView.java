package io.quargo.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;

/** argo get's default output: the summary lines ("Name:", "Status:", ...) then the node tree. */
public final class WorkflowView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

  private final ZoneId zone;
  private final boolean colour;

  public WorkflowView(ZoneId zone, boolean colour) {
    this.zone = zone;
    this.colour = colour;
  }

  public String render(JsonNode wf, Instant now) {
    return render(wf, now, n -> true);
  }

  /** The view drawing only the nodes {@code shown} accepts (get --status, --node-field-selector). */
  public String render(JsonNode wf, Instant now, Predicate<JsonNode> shown) {
    StringBuilder out = new StringBuilder(summary(wf, now));
    String tree = TreeView.render(wf, colour, now, shown);
    if (!tree.isEmpty()) {
      out.append('\n').append(tree);
    }
    return out.toString();
  }

  /** Summary lines, "%-20s %s" as argo prints them. */
  public String summary(JsonNode wf, Instant now) {
    JsonNode meta = wf.path("metadata");
    JsonNode spec = wf.path("spec");
    JsonNode status = wf.path("status");
    StringBuilder b = new StringBuilder();
    line(b, "Name:", meta.path("name").asText());
    line(b, "Namespace:", meta.path("namespace").asText());
    String sa = spec.path("serviceAccountName").asText("");
    line(b, "ServiceAccount:", sa.isEmpty() ? "unset (will run with the default ServiceAccount)" : sa);
    String phase = status.path("phase").asText("");
    line(b, "Status:", phase.isEmpty() ? "Pending" : PhaseStyle.paint(phase, phase, colour));
    if (!status.path("message").asText("").isEmpty()) {
      line(b, "Message:", status.path("message").asText());
    }
    if (status.path("conditions").size() > 0) {
      b.append("Conditions:\n");
      status.path("conditions").forEach(c -> line(b, " " + c.path("type").asText(), c.path("status").asText()));
    }
    timeLine(b, "Created:", Durations.time(meta.get("creationTimestamp")), now);
    Instant started = Durations.time(status.get("startedAt"));
    Instant finished = Durations.time(status.get("finishedAt"));
    timeLine(b, "Started:", started, now);
    timeLine(b, "Finished:", finished, now);
    if (started != null) {
      line(b, "Duration:", Durations.longForm(Durations.between(started, finished, now)));
    }
    if (!status.path("progress").asText("").isEmpty()) {
      line(b, "Progress:", status.path("progress").asText());
    }
    parameters(b, spec.path("arguments").path("parameters"));
    return b.toString();
  }

  private void parameters(StringBuilder b, JsonNode params) {
    if (params.size() == 0) {
      return;
    }
    b.append("Parameters:\n");
    for (JsonNode p : params) {
      JsonNode v = p.has("value") ? p.get("value") : p.path("default");
      line(b, "  " + p.path("name").asText() + ":", v.isTextual() ? v.asText() : v.toString());
    }
  }

  private void timeLine(StringBuilder b, String label, Instant t, Instant now) {
    if (t != null) {
      String ago = Durations.longForm(Duration.between(t, now).isNegative() ? Duration.ZERO : Duration.between(t, now));
      line(b, label, TIME.format(t.atZone(zone)) + " (" + ago + " ago)");
    }
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(String.format(Locale.ROOT, "%-20s %s%n", label, value));
  }
}
