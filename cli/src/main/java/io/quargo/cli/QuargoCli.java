package io.quargo.cli;

import io.quargo.cli.api.CliException;
import io.quargo.cli.api.Kind;
import io.quargo.cli.command.ApplyCommand;
import io.quargo.cli.command.DeleteCommand;
import io.quargo.cli.command.GetCommand;
import io.quargo.cli.command.KindGroup;
import io.quargo.cli.command.LintCommand;
import io.quargo.cli.command.ListCommand;
import io.quargo.cli.command.LogsCommand;
import io.quargo.cli.command.ResubmitCommand;
import io.quargo.cli.command.ResumeCommand;
import io.quargo.cli.command.RetryCommand;
import io.quargo.cli.command.StopCommand;
import io.quargo.cli.command.SubmitCommand;
import io.quargo.cli.command.SuspendCommand;
import io.quargo.cli.command.TerminateCommand;
import io.quargo.cli.command.WaitCommand;
import io.quargo.cli.command.WatchCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * The quargo command's argo verbs. Exit codes: 0 success (for --wait/wait: the workflow Succeeded),
 * 1 failure (server error, workflow not Succeeded, lint errors), 2 usage error. Failures are one line
 * on stderr, never a stack trace (QUARGO_DEBUG=1 shows it).
 */
@Command(name = "quargo", mixinStandardHelpOptions = true, version = "quargo 0.1.0",
    description = "argo's verbs against an Argo Server-compatible API (./quargo server).")
public final class QuargoCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  public static void main(String[] args) {
    System.exit(run(Context.system(), args));
  }

  public static int run(Context ctx, String... args) {
    CommandLine cli = commandLine(ctx);
    cli.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(ctx, e));
    try {
      return cli.execute(GlobalArgs.reorder(args));
    } finally {
      ctx.out().flush();
      ctx.err().flush();
    }
  }

  static CommandLine commandLine(Context ctx) {
    CommandLine cli = new CommandLine(new QuargoCli(), factory(ctx));
    Class<?>[] verbs = {SubmitCommand.class, ListCommand.class, GetCommand.class, LogsCommand.class,
        LintCommand.class, DeleteCommand.class, RetryCommand.class, ResubmitCommand.class, ResumeCommand.class,
        SuspendCommand.class, StopCommand.class, TerminateCommand.class, WaitCommand.class, WatchCommand.class,
        ApplyCommand.class};
    for (Class<?> verb : verbs) {
      cli.addSubcommand(verb);
    }
    cli.addSubcommand("template", KindGroup.create("template", Kind.WORKFLOW_TEMPLATE, ctx));
    cli.addSubcommand("cluster-template", KindGroup.create("cluster-template", Kind.CLUSTER_WORKFLOW_TEMPLATE, ctx));
    cli.addSubcommand("cron", KindGroup.create("cron", Kind.CRON_WORKFLOW, ctx));
    withHelp(cli);
    return cli;
  }

  /** -h/--help on every verb, as argo has. */
  private static void withHelp(CommandLine command) {
    command.getCommandSpec().mixinStandardHelpOptions(true);
    command.getSubcommands().values().forEach(QuargoCli::withHelp);
  }

  /** Commands take the Context in their constructor. */
  private static IFactory factory(Context ctx) {
    return new IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        try {
          return cls.getDeclaredConstructor(Context.class).newInstance(ctx);
        } catch (NoSuchMethodException e) {
          return CommandLine.defaultFactory().create(cls);
        }
      }
    };
  }

  private static int failure(Context ctx, Exception e) {
    if (e instanceof CliException c) {
      ctx.err().println(c.getMessage());
      return c.exitCode();
    }
    ctx.err().println("quargo: internal error: " + e + " (run with QUARGO_DEBUG=1 for details)");
    if (ctx.env().get("QUARGO_DEBUG") != null) {
      e.printStackTrace(ctx.err());
    }
    return 1;
  }
}
