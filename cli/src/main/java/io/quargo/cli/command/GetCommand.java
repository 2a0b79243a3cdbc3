package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.Context;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.cli.render.NodeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * argo get WORKFLOW (the summary and node tree), and kubectl-style get KIND [NAME] for every kind.
 * A first argument that names a kind (workflowtemplate, sensor, es, ...) is read as a kind when a
 * name follows it or when it is alone; `get workflow NAME` reaches a workflow named like a kind.
 */
@Command(name = "get", description = "Show a workflow as a tree, or get KIND [NAME] for any kind.")
public final class GetCommand extends WorkflowVerb {
  @Parameters(paramLabel = "WORKFLOW | KIND [NAME]", arity = "1..2")
  List<String> args = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "json|yaml|wide|name")
  String output;

  @Option(names = "--no-headers", description = "no header line in lists")
  boolean noHeaders;

  @Option(names = "--status", description = "draw only nodes in this phase, e.g. Failed")
  String status;

  @Option(names = "--node-field-selector", description = "draw only matching nodes, e.g. displayName=step-a")
  String nodeFieldSelector;

  public GetCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    checkOutput(output, "name", "json", "yaml", "wide");
    Optional<Kind> kind = Kind.named(args.get(0));
    if (args.size() == 2 && kind.isEmpty()) {
      throw new CliException("unknown kind '" + args.get(0) + "': use one of " + Kind.allNames(), 2);
    }
    if (kind.isEmpty()) {
      return getWorkflow(args.get(0));
    }
    if (args.size() == 1) {
      new ResourcePrinter(ctx, output, !noHeaders, now()).list(kind.get(), resources().list(kind.get()));
      return 0;
    }
    if (kind.get() == Kind.WORKFLOW) {
      return getWorkflow(args.get(1));
    }
    new ResourcePrinter(ctx, output, !noHeaders, now()).one(kind.get(), resources().get(kind.get(), args.get(1)));
    return 0;
  }

  private int getWorkflow(String name) {
    WorkflowApi api = workflows();
    var shown = NodeFilter.of(status, nodeFieldSelector);
    JsonNode wf = api.get(resolveName(api, name));
    if (!printAs(output, wf)) {
      ctx.out().print(view().render(wf, now(), shown));
    }
    return 0;
  }

  private ResourceApi resources() {
    return new ResourceApi(client(), namespace());
  }
}
