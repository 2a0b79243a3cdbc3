package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.ResourceApi;
import io.quargo.cli.api.WorkflowApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * argo delete WORKFLOW... (or --all, --completed, -l), and delete KIND NAME... for every kind. As in
 * get, a first argument that names a kind is read as one when more arguments follow.
 */
@Command(name = "delete", aliases = "rm", description = "Delete workflows, or delete KIND NAME... for any kind.")
public final class DeleteCommand extends Verb {
  @Parameters(paramLabel = "WORKFLOW... | KIND NAME...", arity = "0..*")
  List<String> args = new ArrayList<>();

  @Option(names = "--all", description = "delete every workflow (or every object of KIND) in the namespace")
  boolean all;

  @Option(names = "--completed", description = "delete completed workflows")
  boolean completed;

  @Option(names = {"-l", "--selector"}, description = "delete workflows matching this label selector")
  String selector;

  public DeleteCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Optional<Kind> kind = args.isEmpty() ? Optional.empty() : Kind.named(args.get(0));
    if (kind.isPresent() && (args.size() > 1 || all)) {
      return deleteKind(kind.get(), args.subList(1, args.size()));
    }
    boolean bulk = all || completed || selector != null;
    if (args.isEmpty() && !bulk) {
      throw new CliException("delete needs WORKFLOW..., --all, --completed, -l SELECTOR or KIND NAME...", 2);
    }
    if (!args.isEmpty() && bulk) {
      throw new CliException("give workflow names or --all/--completed/-l, not both", 2);
    }
    WorkflowApi api = workflows();
    List<String> names = new ArrayList<>();
    if (bulk) {
      String labels = completed ? join(selector, "workflows.argoproj.io/completed=true") : selector;
      for (JsonNode wf : api.list(labels, null)) {
        if (!completed || WorkflowFollower.completed(wf)) {
          names.add(wf.path("metadata").path("name").asText());
        }
      }
    } else {
      args.forEach(a -> names.add(resolveName(api, a)));
    }
    for (String n : names) {
      api.delete(n);
      ctx.out().println("Workflow '" + n + "' deleted");
    }
    return 0;
  }

  private int deleteKind(Kind kind, List<String> names) {
    ResourceApi api = new ResourceApi(client(), namespace());
    List<String> targets = new ArrayList<>(names);
    if (all) {
      if (!names.isEmpty()) {
        throw new CliException("give names or --all, not both", 2);
      }
      api.list(kind).forEach(i -> targets.add(i.path("metadata").path("name").asText()));
    }
    for (String n : targets) {
      api.delete(kind, n);
      ctx.out().println(kind.kind() + " '" + n + "' deleted");
    }
    return 0;
  }

  private static String join(String a, String b) {
    return a == null || a.isBlank() ? b : a + "," + b;
  }
}
