package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** argo lint: each manifest checked by the server; exit code 1 when any has errors. */
@Command(name = "lint", description = "Lint Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow files.")
public final class LintCommand extends Verb {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "files or directories, - for stdin")
  List<String> files = new ArrayList<>();

  public LintCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    return new Linter(ctx, new ResourceApi(client(), namespace())).lint(new ManifestReader(ctx.in()).read(files), null);
  }
}
