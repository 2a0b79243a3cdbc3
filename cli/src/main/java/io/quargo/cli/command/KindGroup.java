package io.quargo.cli.command;

import io.quargo.cli.Context;
import io.quargo.cli.api.Kind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** template, cluster-template and cron: one group command per kind, verbs added at start-up. */
@Command(description = "Manage objects of one kind.", subcommandsRepeatable = false)
public final class KindGroup implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing verb: " + String.join("|", spec.subcommands().keySet()));
  }

  /** The group for {@code kind}, named {@code name}, with create/get/list/update/delete/lint (+ cron's own). */
  public static CommandLine create(String name, Kind kind, Context ctx) {
    CommandLine group = new CommandLine(new KindGroup());
    group.getCommandSpec().name(name);
    group.getCommandSpec().usageMessage().description("Manage " + kind.kind() + "s.");
    group.addSubcommand("create", new KindCreate(ctx, kind));
    group.addSubcommand("get", new KindGet(ctx, kind));
    group.addSubcommand("list", new KindList(ctx, kind));
    group.addSubcommand("update", new KindUpdate(ctx, kind));
    group.addSubcommand("delete", new KindDelete(ctx, kind));
    group.addSubcommand("lint", new KindLint(ctx, kind));
    if (kind == Kind.CRON_WORKFLOW) {
      group.addSubcommand("suspend", new CronToggle(ctx, "suspend"));
      group.addSubcommand("resume", new CronToggle(ctx, "resume"));
    }
    return group;
  }
}
