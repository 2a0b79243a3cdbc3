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

/** argo retry: PUT .../{name}/retry {"name","namespace","restartSuccessful","nodeFieldSelector","parameters"}. */
@Command(name = "retry", description = "Retry failed workflows, from their failed nodes.")
public final class RetryCommand extends WorkflowVerb {
  @Parameters(paramLabel = "WORKFLOW", arity = "1..*")
  List<String> names = new ArrayList<>();

  @Option(names = "--restart-successful", description = "also re-run successful nodes matched by --node-field-selector")
  boolean restartSuccessful;

  @Option(names = "--node-field-selector", description = "e.g. displayName=step-a or templateName=x")
  String nodeFieldSelector;

  @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE", description = "new value for a parameter")
  List<String> parameters = new ArrayList<>();

  @Mixin
  FollowOptions then = new FollowOptions();

  public RetryCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    checkOutput(then.output, "name", "json", "yaml", "wide");
    SubmitOptions.parse(parameters);
    ObjectNode fields = Json.object();
    if (restartSuccessful) {
      fields.put("restartSuccessful", true);
    }
    if (nodeFieldSelector != null) {
      fields.put("nodeFieldSelector", nodeFieldSelector);
    }
    if (!parameters.isEmpty()) {
      fields.set("parameters", WorkflowApi.strings(parameters));
    }
    return actThenFollow("retry", names, fields, then);
  }
}
