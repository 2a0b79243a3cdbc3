package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** template|cluster-template|cron list. */
@Command(description = "List objects.")
final class KindList extends KindVerb {
  @Option(names = {"-o", "--output"}, description = "name|json|yaml|wide")
  String output;

  @Option(names = "--no-headers", description = "no header line")
  boolean noHeaders;

  KindList(Context ctx, Kind kind) {
    super(ctx, kind);
  }

  @Override
  public Integer call() {
    checkOutput(output, "name", "json", "yaml", "wide");
    new ResourcePrinter(ctx, output, !noHeaders, now()).list(kind, resources().list(kind));
    return 0;
  }
}
