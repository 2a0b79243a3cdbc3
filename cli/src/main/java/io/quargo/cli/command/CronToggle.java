package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** cron suspend|resume NAME...: PUT .../cron-workflows/{ns}/{name}/suspend|resume. */
@Command(description = "Suspend or resume cron workflows.")
final class CronToggle extends KindVerb {
  @Parameters(paramLabel = "NAME", arity = "1..*")
  List<String> names = new ArrayList<>();

  private final String action;

  CronToggle(Context ctx, String action) {
    super(ctx, Kind.CRON_WORKFLOW);
    this.action = action;
  }

  @Override
  public Integer call() {
    ResourceApi api = resources();
    for (String n : names) {
      api.cronAction(n, action);
      ctx.out().println("CronWorkflow '" + n + "' " + ("suspend".equals(action) ? "suspended" : "resumed"));
    }
    return 0;
  }
}
