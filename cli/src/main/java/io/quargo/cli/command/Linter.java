package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.ApiException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.manifest.Manifest;
import java.util.List;
import java.util.Set;

/**
 * Server-side lint (POST {collection}/lint) of each manifest. Errors are printed "FILE:LINE: ...": the
 * line of the JSON path the message names (spec.templates[0].name), else the line the object starts on,
 * since the lint answer carries a message, not a position.
 */
final class Linter {
  private static final Set<Kind> LINTABLE =
      Set.of(Kind.WORKFLOW, Kind.WORKFLOW_TEMPLATE, Kind.CLUSTER_WORKFLOW_TEMPLATE, Kind.CRON_WORKFLOW);

  private final Context ctx;
  private final ResourceApi api;

  Linter(Context ctx, ResourceApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /** Returns the exit code: 0 when every manifest passed. */
  int lint(List<Manifest> manifests, Kind only) {
    int errors = 0;
    for (Manifest m : manifests) {
      String problem = problem(m, only);
      if (problem != null) {
        errors++;
        ctx.out().println(m.where(problem) + ": in \"" + m.name() + "\" (" + m.kind() + "): " + problem);
      }
    }
    if (errors == 0) {
      ctx.out().println("✔ no linting errors found!");
      return 0;
    }
    ctx.out().println("✖ " + errors + " linting error" + (errors == 1 ? "" : "s") + " found!");
    return 1;
  }

  private String problem(Manifest m, Kind only) {
    Kind kind = Kind.named(m.kind()).orElse(null);
    if (kind == null || !LINTABLE.contains(kind)) {
      return "kind '" + m.kind() + "' cannot be linted: lint takes Workflow, WorkflowTemplate,"
          + " ClusterWorkflowTemplate and CronWorkflow";
    }
    if (only != null && kind != only) {
      return "expected kind " + only.kind() + ", found " + m.kind();
    }
    String ns = m.object().path("metadata").path("namespace").asText(api.namespace());
    try {
      api.lint(kind, ns.isEmpty() ? api.namespace() : ns, m.object());
      return null;
    } catch (ApiException e) {
      if (e.status() >= 500 || e.status() == 401 || e.status() == 403 || e.status() == 404) {
        throw e;
      }
      return e.serverMessage();
    }
  }
}
