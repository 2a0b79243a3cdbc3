package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** template|cluster-template|cron get NAME... */
@Command(description = "Show objects.")
final class KindGet extends KindVerb {
  @Parameters(paramLabel = "NAME", arity = "1..*")
  List<String> names = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "name|json|yaml|wide")
  String output;

  KindGet(Context ctx, Kind kind) {
    super(ctx, kind);
  }

  @Override
  public Integer call() {
    checkOutput(output, "name", "json", "yaml", "wide");
    ResourceApi api = resources();
    for (String n : names) {
      new ResourcePrinter(ctx, output, true, now()).one(kind, api.get(kind, n));
    }
    return 0;
  }
}
