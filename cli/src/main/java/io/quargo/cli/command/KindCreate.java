package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.Context;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** template|cluster-template|cron create FILE...: POST each object of the group's kind. */
@Command(description = "Create objects from files.")
final class KindCreate extends KindVerb {
  @Parameters(paramLabel = "FILE", arity = "1..*")
  List<String> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "name|json|yaml|wide")
  String output;

  KindCreate(Context ctx, Kind kind) {
    super(ctx, kind);
  }

  @Override
  public Integer call() {
    checkOutput(output, "name", "json", "yaml", "wide");
    List<Manifest> manifests = readOfKind(files);
    ResourceApi api = resources();
    for (Manifest m : manifests) {
      String ns = m.object().path("metadata").path("namespace").asText(namespace());
      JsonNode created = api.create(kind, ns, m.object());
      new ResourcePrinter(ctx, output, true, now()).one(kind, created);
    }
    return 0;
  }
}
