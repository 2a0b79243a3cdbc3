package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * template|cluster-template|cron update FILE...: PUT each object over the stored one, carrying the
 * stored resourceVersion as argo does, so an update racing another is refused by the server.
 */
@Command(description = "Update existing objects from files.")
final class KindUpdate extends KindVerb {
  @Parameters(paramLabel = "FILE", arity = "1..*")
  List<String> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "name|json|yaml|wide")
  String output;

  KindUpdate(Context ctx, Kind kind) {
    super(ctx, kind);
  }

  @Override
  public Integer call() {
    checkOutput(output, "name", "json", "yaml", "wide");
    List<Manifest> manifests = readOfKind(files);
    for (Manifest m : manifests) {
      if (m.object().path("metadata").path("name").asText("").isEmpty()) {
        throw new CliException(m.where() + ": metadata.name is missing: update needs the name of the object", 1);
      }
    }
    ResourceApi api = resources();
    for (Manifest m : manifests) {
      String ns = m.object().path("metadata").path("namespace").asText(namespace());
      String name = m.object().path("metadata").path("name").asText();
      JsonNode stored = api.get(kind, name);
      ObjectNode object = m.object().deepCopy();
      object.with("metadata").put("resourceVersion", stored.path("metadata").path("resourceVersion").asText(""));
      new ResourcePrinter(ctx, output, true, now()).one(kind, api.update(kind, ns, name, object));
    }
    return 0;
  }
}
