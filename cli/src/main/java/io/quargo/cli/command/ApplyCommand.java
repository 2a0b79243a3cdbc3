package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.manifest.Manifest;
import io.quargo.cli.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kubectl-style apply over the Argo Server API: create when absent, otherwise update with the stored
 * resourceVersion (so a concurrent change is refused, not overwritten). Workflows are create-only, as
 * the Argo Server API has no update for them.
 */
@Command(name = "apply", description = "Create or update objects of any kind from files or directories.")
public final class ApplyCommand extends Verb {
  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR",
      description = "manifests to apply (repeatable; - for stdin)")
  List<String> files = new ArrayList<>();

  public ApplyCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<Manifest> manifests = new ManifestReader(ctx.in()).read(files);
    for (Manifest m : manifests) {
      kindOf(m);
    }
    ResourceApi api = new ResourceApi(client(), namespace());
    int code = 0;
    for (Manifest m : manifests) {
      code = Math.max(code, apply(api, kindOf(m), m));
    }
    return code;
  }

  private static Kind kindOf(Manifest m) {
    return Kind.named(m.kind()).orElseThrow(() -> new CliException(m.where() + ": unknown kind '" + m.kind()
        + "' (at kind): use one of " + Kind.allNames(), 1));
  }

  private int apply(ResourceApi api, Kind kind, Manifest m) {
    ObjectNode object = m.object().deepCopy();
    String ns = kind.namespaced() ? object.path("metadata").path("namespace").asText(namespace()) : "";
    String name = object.path("metadata").path("name").asText("");
    String label = kind.resourceName() + "/";
    if (name.isEmpty()) {
      if (kind == Kind.WORKFLOW && !object.path("metadata").path("generateName").asText("").isEmpty()) {
        JsonNode created = api.create(kind, ns, object);
        ctx.out().println(label + created.path("metadata").path("name").asText() + " created");
        return 0;
      }
      throw new CliException(m.where() + ": metadata.name is missing: give the object a name", 1);
    }
    JsonNode existing = api.find(kind, name, ns);
    if (existing == null) {
      api.create(kind, ns, object);
      ctx.out().println(label + name + " created");
      return 0;
    }
    if (!kind.updatable()) {
      ctx.err().println(m.where() + ": " + label + name + " already exists and Workflows cannot be changed"
          + " through the API: delete it first, or use metadata.generateName");
      return 1;
    }
    String version = existing.path("metadata").path("resourceVersion").asText("");
    if (!version.isEmpty()) {
      object.with("metadata").put("resourceVersion", version);
    }
    api.update(kind, ns, name, object);
    ctx.out().println(label + name + " configured");
    return 0;
  }
}
