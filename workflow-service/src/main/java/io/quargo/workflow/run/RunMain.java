package io.quargo.workflow.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.LintFinding;
import io.quargo.core.workflow.lint.LintResult;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.core.workflow.lint.WorkflowLinter;
import io.quargo.core.workflow.manifest.ManifestDocument;
import io.quargo.core.workflow.manifest.ManifestException;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.SyncLocks;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.RoutingExecutor;
import io.quargo.workflow.executor.http.HttpTemplateExecutor;
import io.quargo.workflow.executor.local.LocalExecutor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code quargo run FILE}: one workflow, an embedded ephemeral engine, no server. Exit code 0 iff Succeeded,
 * 1 when it ended otherwise, 2 when it could not start (bad arguments, unreadable or invalid manifest).
 */
public final class RunMain {
  private RunMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.console() != null));
  }

  static int run(String[] args, PrintStream out, PrintStream err, boolean tty) {
    if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
      out.print(RunOptions.USAGE);
      return 0;
    }
    RunOptions options;
    List<ManifestDocument> docs;
    try {
      options = RunOptions.parse(args);
      docs = load(options.file());
    } catch (IllegalArgumentException | ManifestException e) {
      err.println("quargo run: " + e.getMessage());
      err.println("Run 'quargo run --help' for usage.");
      return 2;
    }
    try {
      List<Resource> templates = new ArrayList<>();
      for (Path t : options.templates()) {
        load(t).forEach(d -> templates.add(d.resource()));
      }
      docs.forEach(d -> templates.add(d.resource()));
      TemplateResolver resolver = TemplateResolver.of(templates.stream()
          .filter(r -> r.kind().equals("WorkflowTemplate") || r.kind().equals("ClusterWorkflowTemplate"))
          .toList());
      LintResult lint = new WorkflowLinter(resolver).lint(docs);
      if (!lint.errors().isEmpty()) {
        lint.errors().forEach(f -> err.println(f));
        err.println("quargo run: " + options.file() + " has " + lint.errors().size() + " lint error(s); fix them"
            + " and run again");
        return 2;
      }
      Resource workflow = workflowOf(docs, options.file());
      return execute(workflow, resolver, options, out, err, tty);
    } catch (IllegalArgumentException | ManifestException | EngineException e) {
      err.println("quargo run: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("quargo run: interrupted");
      return 1;
    }
  }

  private static int execute(Resource workflow, TemplateResolver resolver, RunOptions options, PrintStream out,
      PrintStream err, boolean tty) throws InterruptedException {
    Clock clock = Clock.systemUTC();
    WorkflowRun run = Submission.prepare(workflow, options.parameters(), options.entrypoint(), resolver,
        clock.instant());
    io.quargo.workflow.engine.StandaloneChecks.check(run.spec);
    Path dir = tempDir();
    String host = hostName();
    try (LocalExecutor executor = new LocalExecutor(dir)) {
      WorkflowEngine engine = new WorkflowEngine(resolver, new EngineSettings(host, true), new SyncLocks());
      RunObserver observer = options.json() ? RunObserver.NONE : new ConsoleObserver(out, tty, clock);
      new WorkflowRunner(engine, new RoutingExecutor(executor, new HttpTemplateExecutor()), clock, observer).run(run);
      if (options.json()) {
        out.println(Json.string(asWorkflow(workflow, run)));
      } else {
        if (tty) {
          printLogs(run, executor, out);
        }
        out.println();
        out.print(ConsoleObserver.header(run));
        out.print(NodeTree.render(run, clock.instant()));
      }
    } finally {
      deleteTree(dir);
    }
    return run.phase.equals("Succeeded") ? 0 : 1;
  }

  private static void printLogs(WorkflowRun run, LocalExecutor executor, PrintStream out) {
    run.nodes().forEach(n -> {
      if (n.podName != null) {
        executor.readLog(run.namespace, n.id).ifPresent(log -> log.lines()
            .forEach(line -> out.println(n.podName + ": " + line)));
      }
    });
  }

  static ObjectNode asWorkflow(Resource workflow, WorkflowRun run) {
    ObjectNode wf = Json.MAPPER.createObjectNode();
    wf.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    wf.set("metadata", run.metadata);
    wf.set("spec", workflow.tree().path("spec"));
    wf.set("status", run.status());
    return wf;
  }

  private static Resource workflowOf(List<ManifestDocument> docs, Path file) {
    for (ManifestDocument d : docs) {
      if (d.resource().kind().equals("Workflow")) {
        return d.resource();
      }
    }
    for (ManifestDocument d : docs) {
      if (d.resource().kind().equals("WorkflowTemplate") || d.resource().kind().equals("ClusterWorkflowTemplate")) {
        ObjectNode wf = Json.MAPPER.createObjectNode().put("apiVersion", "argoproj.io/v1alpha1")
            .put("kind", "Workflow");
        wf.putObject("metadata").put("generateName", d.resource().name() + "-");
        ObjectNode ref = wf.putObject("spec").putObject("workflowTemplateRef").put("name", d.resource().name());
        if (d.resource().kind().equals("ClusterWorkflowTemplate")) {
          ref.put("clusterScope", true);
        }
        return Resource.of(wf);
      }
    }
    throw new IllegalArgumentException(file + " holds no Workflow (nor a WorkflowTemplate to run)");
  }

  private static List<ManifestDocument> load(Path file) {
    try {
      return ManifestLoader.load(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("quargo-run-");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create a working directory: " + e.getMessage());
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is not worth failing the run over
    }
  }
}
