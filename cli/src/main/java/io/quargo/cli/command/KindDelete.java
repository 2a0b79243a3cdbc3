package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** template|cluster-template|cron delete NAME... or --all. */
@Command(description = "Delete objects.")
final class KindDelete extends KindVerb {
  @Parameters(paramLabel = "NAME", arity = "0..*")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "delete all of them")
  boolean all;

  KindDelete(Context ctx, Kind kind) {
    super(ctx, kind);
  }

  @Override
  public Integer call() {
    if (names.isEmpty() == !all) {
      throw new CliException("delete needs NAME... or --all (not both)", 2);
    }
    ResourceApi api = resources();
    List<String> targets = new ArrayList<>(names);
    if (all) {
      api.list(kind).forEach(i -> targets.add(i.path("metadata").path("name").asText()));
    }
    for (String n : targets) {
      api.delete(kind, n);
      ctx.out().println(kind.kind() + " '" + n + "' deleted");
    }
    return 0;
  }
}
