package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.Context;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.cli.manifest.Manifest;
import io.quargo.cli.manifest.ManifestReader;
import io.quargo.cli.manifest.ParameterFile;
import io.quargo.cli.manifest.SubmitOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** argo submit: Workflows from files, or from a WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow. */
@Command(name = "submit", description = "Submit workflows from files (or - for stdin) or --from kind/name.")
public final class SubmitCommand extends WorkflowVerb {
  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Workflow manifests (YAML/JSON)")
  List<String> files = new ArrayList<>();

  @Option(names = "--from", paramLabel = "KIND/NAME",
      description = "submit from a workflowtemplate/NAME, clusterworkflowtemplate/NAME or cronworkflow/NAME")
  String from;

  @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE", description = "input parameter, repeatable")
  List<String> parameters = new ArrayList<>();

  @Option(names = {"-f", "--parameter-file"}, description = "YAML/JSON map of parameters")
  String parameterFile;

  @Option(names = "--entrypoint", description = "override spec.entrypoint")
  String entrypoint;

  @Option(names = "--generate-name", description = "override metadata.generateName")
  String generateName;

  @Option(names = "--name", description = "override metadata.name")
  String name;

  @Option(names = {"-l", "--labels"}, paramLabel = "K=V,...", description = "labels to add")
  String labels;

  @Option(names = "--serviceaccount", description = "run pods with this service account")
  String serviceAccount;

  @Option(names = "--priority", description = "workflow priority")
  Integer priority;

  @Option(names = "--server-dry-run", description = "ask the server to validate without creating")
  boolean serverDryRun;

  @Mixin
  FollowOptions then = new FollowOptions();

  public SubmitCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    checkOutput(then.output, "name", "json", "yaml", "wide");
    if (from == null && files.isEmpty()) {
      throw new CliException("submit needs FILE... or --from kind/name (e.g. --from workflowtemplate/my-template)", 2);
    }
    if (from != null && !files.isEmpty()) {
      throw new CliException("submit takes FILE... or --from, not both", 2);
    }
    SubmitOptions opts = new SubmitOptions(SubmitOptions.merge(ParameterFile.read(parameterFile), parameters),
        entrypoint, generateName, name, labels, serviceAccount, priority, serverDryRun);
    WorkflowApi api = workflows();
    List<JsonNode> created = from != null ? List.of(submitFrom(api, opts)) : submitFiles(api, opts);
    created.forEach(wf -> printWorkflow(then.output, wf));
    if (serverDryRun) {
      return 0;
    }
    List<String> names = created.stream().map(wf -> wf.path("metadata").path("name").asText()).toList();
    return follow(api, names, then.wait, then.watch, then.log);
  }

  private JsonNode submitFrom(WorkflowApi api, SubmitOptions opts) {
    int slash = from.indexOf('/');
    if (slash <= 0 || slash == from.length() - 1) {
      throw new CliException("--from must be kind/name, e.g. workflowtemplate/my-template (got '" + from + "')", 2);
    }
    Kind kind = Kind.named(from.substring(0, slash))
        .filter(k -> k == Kind.WORKFLOW_TEMPLATE || k == Kind.CLUSTER_WORKFLOW_TEMPLATE || k == Kind.CRON_WORKFLOW)
        .orElseThrow(() -> new CliException("--from " + from + ": the kind must be workflowtemplate,"
            + " clusterworkflowtemplate or cronworkflow", 2));
    return api.submitFrom(kind.kind(), from.substring(slash + 1), opts.toJson());
  }

  private List<JsonNode> submitFiles(WorkflowApi api, SubmitOptions opts) {
    List<Manifest> manifests = new ManifestReader(ctx.in()).read(files);
    if (manifests.isEmpty()) {
      throw new CliException("no Workflow found in " + String.join(", ", files), 1);
    }
    for (Manifest m : manifests) {
      if (!"Workflow".equals(m.kind())) {
        throw new CliException(m.where() + ": kind is '" + m.kind() + "', submit takes Workflows"
            + " (use `quargo apply -f` for other kinds, or submit --from for templates)", 1);
      }
    }
    if (opts.name() != null && manifests.size() > 1) {
      throw new CliException("--name cannot be used with more than one workflow", 2);
    }
    List<JsonNode> created = new ArrayList<>();
    for (Manifest m : manifests) {
      created.add(api.create(opts.applyTo(m.object()), opts.serverDryRun()));
    }
    return created;
  }
}
