package io.quargo.workflow.run;

import io.quargo.workflow.engine.Node;
import io.quargo.workflow.engine.WorkflowRun;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code quargo run} prints while a workflow runs: on a terminal, the live tree redrawn in place (as
 * {@code argo watch}); otherwise one line per node phase change. Log lines go out as {@code <pod>: <line>},
 * like {@code argo logs}.
 */
public final class ConsoleObserver implements RunObserver {
  private static final long REDRAW_MILLIS = 250;

  private final PrintStream out;
  private final boolean tty;
  private final Clock clock;
  private final Map<String, String> lastPhase = new HashMap<>();
  private long lastDraw;

  public ConsoleObserver(PrintStream out, boolean tty, Clock clock) {
    this.out = out;
    this.tty = tty;
    this.clock = clock;
  }

  @Override
  public void changed(WorkflowRun run) {
    if (tty) {
      long now = clock.millis();
      if (now - lastDraw >= REDRAW_MILLIS || run.completed()) {
        lastDraw = now;
        out.print("\033[H\033[2J");
        out.print(header(run));
        out.print(NodeTree.render(run, clock.instant()));
        out.flush();
      }
      return;
    }
    for (Node n : run.nodes()) {
      String phase = n.phase.name();
      if (!phase.equals(lastPhase.put(n.id, phase))) {
        out.println(NodeTree.symbol(n.phase) + " " + n.name + " " + phase
            + (n.message == null ? "" : ": " + n.message));
      }
    }
  }

  @Override
  public void log(WorkflowRun run, String nodeId, String stream, String line) {
    if (tty) {
      return; // the live tree owns the screen; logs are printed after the run
    }
    Node n = run.nodeById(nodeId);
    out.println((n == null || n.podName == null ? nodeId : n.podName) + ": " + line);
  }

  public static String header(WorkflowRun run) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-20s %s%n", "Name:", run.name));
    b.append(String.format("%-20s %s%n", "Namespace:", run.namespace));
    b.append(String.format("%-20s %s%n", "Status:", run.phase));
    if (run.message != null) {
      b.append(String.format("%-20s %s%n", "Message:", run.message));
    }
    if (run.startedAt != null) {
      java.time.Instant end = run.finishedAt != null ? run.finishedAt : java.time.Instant.now();
      b.append(String.format("%-20s %s%n", "Duration:", NodeTree.human(java.time.Duration.between(run.startedAt,
          end))));
    }
    b.append(String.format("%-20s %s%n", "Progress:", run.progress()));
    if (!run.globalOutputs.isEmpty()) {
      b.append("Outputs:\n");
      run.globalOutputs.forEach((k, v) -> b.append(String.format("  %-18s %s%n", k + ":", v)));
    }
    return b.append('\n').toString();
  }
}
