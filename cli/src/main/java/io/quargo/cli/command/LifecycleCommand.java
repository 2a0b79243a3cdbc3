package io.quargo.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.core.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * resume, suspend, stop and terminate: PUT /api/v1/workflows/{ns}/{name}/{action} with
 * {"name","namespace"} plus the verb's fields, then "workflow NAME resumed" as argo prints it.
 */
abstract class LifecycleCommand extends Verb {
  @Parameters(paramLabel = "WORKFLOW", arity = "1..*")
  List<String> names = new ArrayList<>();

  private final String action;
  private final String done;

  LifecycleCommand(Context ctx, String action, String done) {
    super(ctx);
    this.action = action;
    this.done = done;
  }

  /** The verb's own request fields. */
  abstract ObjectNode fields();

  @Override
  public Integer call() {
    WorkflowApi api = workflows();
    for (String n : names) {
      String name = resolveName(api, n);
      api.action(name, action, fields());
      ctx.out().println("workflow " + name + " " + done);
    }
    return 0;
  }

  static ObjectNode put(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
    return o;
  }

  static ObjectNode empty() {
    return Json.object();
  }
}
