package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.WorkflowApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** argo logs WORKFLOW [POD]: every pod's log lines as "POD: line", or one pod's. */
@Command(name = "logs", description = "Print the logs of a workflow's pods (or of one POD).")
public final class LogsCommand extends Verb {
  @Parameters(index = "0", paramLabel = "WORKFLOW")
  String workflow;

  @Parameters(index = "1", arity = "0..1", paramLabel = "POD")
  String pod;

  @Option(names = {"-c", "--container"}, defaultValue = "main", description = "container (default: main)")
  String container;

  @Option(names = {"-f", "--follow"}, description = "keep streaming new lines until the pods end")
  boolean follow;

  @Option(names = "--grep", description = "only lines containing this")
  String grep;

  public LogsCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    WorkflowApi api = workflows();
    new LogPrinter(ctx, colour()).follow(api, resolveName(api, workflow), pod, container, follow, grep);
    return 0;
  }
}
