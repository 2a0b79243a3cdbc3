package io.quargo.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** argo resume: {"nodeFieldSelector"} picks which suspend nodes to resume (default: all). */
@Command(name = "resume", description = "Resume suspended workflows (or the suspend nodes selected).")
public final class ResumeCommand extends LifecycleCommand {
  @Option(names = "--node-field-selector", description = "e.g. displayName=approve")
  String nodeFieldSelector;

  public ResumeCommand(Context ctx) {
    super(ctx, "resume", "resumed");
  }

  @Override
  ObjectNode fields() {
    return put(empty(), "nodeFieldSelector", nodeFieldSelector);
  }
}
