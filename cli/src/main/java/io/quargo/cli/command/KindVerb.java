package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;

/** A verb of a kind group (template, cluster-template, cron): the same verbs, a different Kind. */
abstract class KindVerb extends Verb {
  protected final Kind kind;

  KindVerb(Context ctx, Kind kind) {
    super(ctx);
    this.kind = kind;
  }

  protected ResourceApi resources() {
    return new ResourceApi(client(), namespace());
  }
}
