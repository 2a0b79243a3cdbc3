package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.WorkflowApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** argo wait: blocks until the workflows complete; exit code 0 iff all Succeeded. */
@Command(name = "wait", description = "Wait for workflows to complete; exit code 0 iff all Succeeded.")
public final class WaitCommand extends WorkflowVerb {
  @Parameters(paramLabel = "WORKFLOW", arity = "1..*")
  List<String> names = new ArrayList<>();

  public WaitCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    WorkflowApi api = workflows();
    return waitFor(api, names.stream().map(n -> resolveName(api, n)).toList());
  }
}
