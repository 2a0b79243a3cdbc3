package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.WorkflowApi;
import java.util.HashMap;
import java.util.Map;

/** Prints log entries "POD: line" as argo logs does, each pod in its own colour on a terminal. */
final class LogPrinter {
  private static final String[] COLOURS = {"\u001b[34m", "\u001b[35m", "\u001b[36m", "\u001b[32m", "\u001b[33m"};
  private final Context ctx;
  private final boolean colour;
  private final Map<String, String> podColours = new HashMap<>();

  LogPrinter(Context ctx, boolean colour) {
    this.ctx = ctx;
    this.colour = colour;
  }

  void follow(WorkflowApi api, String workflow, String pod, String container, boolean follow, String grep) {
    api.logs(workflow, pod, container, follow, grep, entry -> {
      String podName = entry.path("podName").asText("");
      String content = entry.path("content").asText("");
      ctx.out().println(label(podName) + ": " + content);
      ctx.out().flush();
      return true;
    });
  }

  private String label(String pod) {
    if (!colour) {
      return pod;
    }
    String c = podColours.computeIfAbsent(pod, p -> COLOURS[podColours.size() % COLOURS.length]);
    return c + pod + "\u001b[0m";
  }
}
