package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.Kind;
import io.quargo.cli.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** template|cluster-template|cron lint FILE...: server-side lint of objects of the group's kind. */
@Command(description = "Lint files on the server.")
final class KindLint extends KindVerb {
  @Parameters(paramLabel = "FILE", arity = "1..*")
  List<String> files = new ArrayList<>();

  KindLint(Context ctx, Kind kind) {
    super(ctx, kind);
  }

  @Override
  public Integer call() {
    return new Linter(ctx, resources()).lint(new ManifestReader(ctx.in()).read(files), kind);
  }
}
