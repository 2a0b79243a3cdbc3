package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.manifest.Manifest;
import io.quargo.cli.manifest.ManifestReader;
import java.util.List;

/** A verb of a kind group (template, cluster-template, cron): the same verbs, a different Kind. */
abstract class KindVerb extends Verb {
  protected final Kind kind;

  KindVerb(Context ctx, Kind kind) {
    super(ctx);
    this.kind = kind;
  }

  /** Every object in {@code files}; an object of another kind than the group's is an error naming where. */
  protected List<Manifest> readOfKind(List<String> files) {
    List<Manifest> manifests =
        new ManifestReader(ctx.in()).read(files);
    for (Manifest m : manifests) {
      if (!kind.kind().equals(m.kind())) {
        throw new CliException(m.where() + ": kind is '" + m.kind() + "', expected " + kind.kind(), 1);
      }
    }
    return manifests;
  }

  protected ResourceApi resources() {
    return new ResourceApi(client(), namespace());
  }
}
