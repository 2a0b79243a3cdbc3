package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.cli.render.Output;
import io.quargo.cli.render.WorkflowList;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * argo list. Filters become a label selector the server applies, as argo's do
 * (workflows.argoproj.io/phase, workflows.argoproj.io/completed); they are applied again here so a
 * server that keeps fewer labels still gives the right answer.
 */
@Command(name = "list", aliases = "ls", description = "List workflows, newest first.")
public final class ListCommand extends Verb {
  private static final Set<String> PHASES = Set.of("Pending", "Running", "Succeeded", "Failed", "Error");

  @Option(names = {"-l", "--selector"}, description = "label selector, e.g. app=x,tier!=web")
  String selector;

  @Option(names = "--status", split = ",", description = "only these phases, e.g. --status Failed,Error")
  List<String> status = new ArrayList<>();

  @Option(names = "--running", description = "only running workflows")
  boolean running;

  @Option(names = "--completed", description = "only completed workflows")
  boolean completed;

  @Option(names = "--prefix", description = "only workflows whose name starts with this")
  String prefix;

  @Option(names = {"-A", "--all-namespaces"}, description = "workflows of every namespace")
  boolean allNamespaces;

  @Option(names = "--no-headers", description = "no header line")
  boolean noHeaders;

  @Option(names = {"-o", "--output"}, description = "name|json|yaml|wide")
  String output;

  public ListCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    checkOutput(output, "name", "json", "yaml", "wide");
    if (running && completed) {
      throw new CliException("--running and --completed exclude each other", 2);
    }
    for (String s : status) {
      if (!PHASES.contains(s)) {
        throw new CliException("--status " + s + ": use one of " + String.join(", ", PHASES.stream().sorted().toList()), 2);
      }
    }
    WorkflowApi api = allNamespaces ? new WorkflowApi(client(), "") : workflows();
    List<JsonNode> items = new ArrayList<>(api.list(labelSelector(), null));
    items.removeIf(wf -> !matches(wf));
    items.sort(Comparator.comparing(
        (JsonNode wf) -> wf.path("metadata").path("creationTimestamp").asText("")).reversed());
    print(items);
    return 0;
  }

  String labelSelector() {
    List<String> parts = new ArrayList<>();
    if (selector != null && !selector.isBlank()) {
      parts.add(selector);
    }
    if (!status.isEmpty()) {
      parts.add("workflows.argoproj.io/phase in (" + String.join(",", status) + ")");
    }
    if (completed) {
      parts.add("workflows.argoproj.io/completed=true");
    }
    if (running) {
      parts.add("workflows.argoproj.io/completed!=true");
    }
    return String.join(",", parts);
  }

  private boolean matches(JsonNode wf) {
    String phase = wf.path("status").path("phase").asText("");
    boolean done = WorkflowFollower.completed(wf);
    String name = wf.path("metadata").path("name").asText();
    return (status.isEmpty() || status.contains(phase)) && (!completed || done) && (!running || !done)
        && (prefix == null || name.startsWith(prefix));
  }

  private void print(List<JsonNode> items) {
    if ("name".equals(output)) {
      items.forEach(wf -> ctx.out().println(wf.path("metadata").path("name").asText()));
    } else if ("json".equals(output) || "yaml".equals(output)) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      items.forEach(array::add);
      ctx.out().print("json".equals(output) ? Output.json(array) : Output.yaml(array));
    } else if (items.isEmpty()) {
      ctx.out().println("No workflows found");
    } else {
      ctx.out().print(WorkflowList.render(items, "wide".equals(output), !noHeaders, allNamespaces, now()));
    }
  }
}
