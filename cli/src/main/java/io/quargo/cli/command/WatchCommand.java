package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.WorkflowApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** argo watch: the get view, redrawn as the workflow changes, until it completes. */
@Command(name = "watch", description = "Watch a workflow until it completes; exit code 0 iff Succeeded.")
public final class WatchCommand extends WorkflowVerb {
  @Parameters(paramLabel = "WORKFLOW")
  String name;

  public WatchCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    WorkflowApi api = workflows();
    return watch(api, resolveName(api, name));
  }
}
