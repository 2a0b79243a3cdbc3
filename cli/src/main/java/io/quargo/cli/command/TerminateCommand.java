package io.quargo.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import picocli.CommandLine.Command;

/** argo terminate: stop now, without running exit handlers. */
@Command(name = "terminate", description = "Terminate workflows at once; exit handlers do not run.")
public final class TerminateCommand extends LifecycleCommand {
  public TerminateCommand(Context ctx) {
    super(ctx, "terminate", "terminated");
  }

  @Override
  ObjectNode fields() {
    return empty();
  }
}
