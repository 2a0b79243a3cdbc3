package io.quargo.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** argo stop: like terminate, but exit handlers still run; {"message","nodeFieldSelector"}. */
@Command(name = "stop", description = "Stop workflows; exit handlers still run.")
public final class StopCommand extends LifecycleCommand {
  @Option(names = "--message", description = "why it was stopped (shown in status.message)")
  String message;

  @Option(names = "--node-field-selector",
      description = "fail only the matching suspended nodes (with --message); the workflow is not stopped")
  String nodeFieldSelector;

  public StopCommand(Context ctx) {
    super(ctx, "stop", "stopped");
  }

  @Override
  ObjectNode fields() {
    return put(put(empty(), "nodeFieldSelector", nodeFieldSelector), "message", message);
  }
}
