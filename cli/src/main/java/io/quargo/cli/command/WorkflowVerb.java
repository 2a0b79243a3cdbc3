package io.quargo.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.Context;
import io.quargo.cli.Verb;
import io.quargo.cli.api.WorkflowApi;
import io.quargo.cli.render.WorkflowView;
import java.util.ArrayList;
import java.util.List;

/** What submit, retry, resubmit, wait and watch share: printing a workflow and following it to the end. */
abstract class WorkflowVerb extends Verb {
  private static final String CLEAR = "\u001b[H\u001b[2J";

  protected WorkflowVerb(Context ctx) {
    super(ctx);
  }

  protected WorkflowView view() {
    return new WorkflowView(ctx.zone(), colour());
  }

  /** -o name|json|yaml as asked; otherwise (and for wide) argo get's view. */
  protected void printWorkflow(String output, JsonNode wf) {
    if (!printAs(output, wf)) {
      ctx.out().print(view().render(wf, now()));
    }
  }

  /** argo wait: "NAME PHASE at TIME" per workflow; 0 iff every one Succeeded. */
  protected int waitFor(WorkflowApi api, List<String> names) {
    boolean allSucceeded = true;
    for (String name : names) {
      JsonNode wf = new WorkflowFollower(api).follow(name, w -> { });
      String phase = wf.path("status").path("phase").asText();
      String finished = wf.path("status").path("finishedAt").asText("");
      ctx.out().println(name + " " + phase + (finished.isEmpty() ? "" : " at " + finished));
      allSucceeded &= "Succeeded".equals(phase);
    }
    return allSucceeded ? 0 : 1;
  }

  /** argo watch: the get view redrawn on each change (in place on a terminal); 0 iff Succeeded. */
  protected int watch(WorkflowApi api, String name) {
    String[] last = {""};
    JsonNode wf = new WorkflowFollower(api).follow(name, w -> {
      String text = view().render(w, now());
      if (text.equals(last[0])) {
        return;
      }
      last[0] = text;
      ctx.out().print(ctx.terminal() ? CLEAR + text : text + "\n");
      ctx.out().flush();
    });
    return "Succeeded".equals(wf.path("status").path("phase").asText()) ? 0 : 1;
  }

  /** submit --log: every pod's main log, followed, then the final phase; 0 iff Succeeded. */
  protected int logThenWait(WorkflowApi api, String name) {
    new LogPrinter(ctx, colour()).follow(api, name, null, "main", true, null);
    return waitFor(api, List.of(name));
  }

  /** The exit code after submit/retry/resubmit, given --wait/--watch/--log. */
  /**
   * PUTs {@code action} with {@code fields} on each named workflow (a name may be {@code @latest}), prints each
   * answer per {@code then.output}, then waits, watches or follows logs of what came back.
   */
  protected int actThenFollow(String action, List<String> names, ObjectNode fields,
      FollowOptions then) {
    WorkflowApi api = workflows();
    List<String> results = new ArrayList<>();
    for (String n : names) {
      JsonNode wf = api.action(resolveName(api, n), action, fields);
      printWorkflow(then.output, wf);
      results.add(wf.path("metadata").path("name").asText());
    }
    return follow(api, results, then.wait, then.watch, then.log);
  }

  protected int follow(WorkflowApi api, List<String> names, boolean wait, boolean watch, boolean log) {
    int code = 0;
    if (watch) {
      for (String n : names) {
        code = Math.max(code, watch(api, n));
      }
    } else if (log) {
      for (String n : names) {
        code = Math.max(code, logThenWait(api, n));
      }
    } else if (wait) {
      code = waitFor(api, names);
    }
    return code;
  }
}
