package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.api.ArgoClient;
import io.quargo.cli.api.CliException;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.cli.render.Output;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command: global flags, the context, and helpers to reach the server. */
public abstract class Verb implements Callable<Integer> {
  protected final Context ctx;

  @Mixin
  protected GlobalOptions global = new GlobalOptions();

  protected Verb(Context ctx) {
    this.ctx = ctx;
  }

  protected String namespace() {
    return global.namespace(ctx.env());
  }

  protected ArgoClient client() {
    return global.client(ctx.env());
  }

  protected WorkflowApi workflows() {
    return new WorkflowApi(client(), namespace());
  }

  protected boolean colour() {
    return ctx.terminal() && !global.noColor;
  }

  protected Instant now() {
    return ctx.clock().instant();
  }

  /** argo's "@latest" is the most recently created workflow in the namespace. */
  protected static String resolveName(WorkflowApi api, String name) {
    if (!"@latest".equals(name)) {
      return name;
    }
    return api.list(null, null).stream()
        .max(Comparator.comparing(wf -> wf.path("metadata").path("creationTimestamp").asText("")))
        .map(wf -> wf.path("metadata").path("name").asText())
        .orElseThrow(() -> new CliException("@latest: there are no workflows in namespace " + api.namespace()));
  }

  /** Prints one object in the -o form; returns false for forms this helper does not handle. */
  protected boolean printAs(String output, JsonNode object) {
    switch (output == null ? "" : output) {
      case "json" -> ctx.out().print(Output.json(object));
      case "yaml" -> ctx.out().print(Output.yaml(object));
      case "name" -> ctx.out().println(object.path("metadata").path("name").asText());
      default -> {
        return false;
      }
    }
    return true;
  }

  protected static void checkOutput(String output, String... allowed) {
    if (output == null) {
      return;
    }
    for (String a : allowed) {
      if (a.equals(output)) {
        return;
      }
    }
    throw new CliException("unknown output format '" + output + "': use -o " + String.join("|", allowed), 2);
  }
}
