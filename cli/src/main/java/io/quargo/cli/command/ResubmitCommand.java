package io.quargo.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.cli.manifest.SubmitOptions;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** argo resubmit: PUT .../{name}/resubmit {"name","namespace","memoized","parameters"}; a new workflow. */
@Command(name = "resubmit", description = "Submit a new run of existing workflows.")
public final class ResubmitCommand extends WorkflowVerb {
  @Parameters(paramLabel = "WORKFLOW", arity = "1..*")
  List<String> names = new ArrayList<>();

  @Option(names = "--memoized",
      description = "keep the nodes that succeeded (with their outputs) and re-run only what failed;"
          + " the workflow must be Failed or Error")
  boolean memoized;

  @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE", description = "new value for a parameter")
  List<String> parameters = new ArrayList<>();

  @Mixin
  FollowOptions then = new FollowOptions();

  public ResubmitCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    checkOutput(then.output, "name", "json", "yaml", "wide");
    SubmitOptions.parse(parameters);
    ObjectNode fields = Json.object();
    if (memoized) {
      fields.put("memoized", true);
    }
    if (!parameters.isEmpty()) {
      fields.set("parameters", WorkflowApi.strings(parameters));
    }
    return actThenFollow("resubmit", names, fields, then);
  }
}
