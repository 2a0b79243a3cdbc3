package io.quargo.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import picocli.CommandLine.Command;

/** argo suspend: no new steps start until resumed. */
@Command(name = "suspend", description = "Suspend workflows.")
public final class SuspendCommand extends LifecycleCommand {
  public SuspendCommand(Context ctx) {
    super(ctx, "suspend", "suspended");
  }

  @Override
  ObjectNode fields() {
    return empty();
  }
}
