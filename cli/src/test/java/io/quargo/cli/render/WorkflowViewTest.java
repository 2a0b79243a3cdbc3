package io.quargo.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.CliRun;
import io.quargo.cli.Fixtures;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** argo get's view from recorded workflow JSON (fixtures under src/test/resources/workflows). */
class WorkflowViewTest {
  private final WorkflowView plain = new WorkflowView(ZoneOffset.UTC, false);

  @Test
  void stepsWorkflowRendersSummaryAndTreeAsArgoGet() {
    String text = plain.render(Fixtures.workflow("steps-succeeded.json"), CliRun.NOW);
    assertThat(text).isEqualTo("""
        Name:                steps-x7k2p
        Namespace:           default
        ServiceAccount:      unset (will run with the default ServiceAccount)
        Status:              Succeeded
        Conditions:
         PodRunning          False
         Completed           True
        Created:             Sat Nov 21 10:00:00 +0000 2026 (2 minutes ago)
        Started:             Sat Nov 21 10:00:00 +0000 2026 (2 minutes ago)
        Finished:            Sat Nov 21 10:00:20 +0000 2026 (1 minute 40 seconds ago)
        Duration:            20 seconds
        Progress:            3/3
        Parameters:
          message:           hello

        STEP             TEMPLATE            PODNAME                           DURATION   MESSAGE
         ✔ steps-x7k2p   hello-hello-hello
         ├───✔ hello1    whalesay            steps-x7k2p-whalesay-706336882    6s
         └─┬─✔ hello2a   whalesay            steps-x7k2p-whalesay-3613015179   7s
           └─✔ hello2b   whalesay            steps-x7k2p-whalesay-3629792798   11s
        """);
  }

  @Test
  void dagWorkflowWithRetriesOmittedAndExitHandler() {
    String text = plain.render(Fixtures.workflow("dag-failed.json"), CliRun.NOW);
    assertThat(text).contains("Status:              Failed\n")
        .contains("Message:             child 'dag-diamond-q9r4t-1' failed\n")
        .contains("Progress:            3/5\n")
        .endsWith("""
        STEP                          TEMPLATE       PODNAME                                     DURATION   MESSAGE
         ✖ dag-diamond-q9r4t          diamond
         ├─✔ A                        echo           dag-diamond-q9r4t-echo-2365083934           5s
         ├─✔ B                        echo           dag-diamond-q9r4t-echo-2348306315           4s
         ├─✖ C                        flaky                                                                 No more retries left
         │ ├─✖ C(0)                   flaky          dag-diamond-q9r4t-flaky-2794490059          6s         Error (exit code 1)
         │ └─✖ C(1)                   flaky          dag-diamond-q9r4t-flaky-3398631438          16s        Error (exit code 1)
         └─○ D                        echo                                                                  omitted: depends condition not met
         ✔ dag-diamond-q9r4t.onExit   exit-handler   dag-diamond-q9r4t-exit-handler-2808704270   8s
        """);
  }

  @Test
  void aRetryWithOneAttemptIsDrawnAsTheAttempt() {
    ObjectNode wf = Fixtures.workflow("dag-failed.json");
    ObjectNode nodes = (ObjectNode) wf.path("status").path("nodes");
    ObjectNode retry = (ObjectNode) nodes.get(nodeId(wf, "dag-diamond-q9r4t.C"));
    retry.putArray("children").add(nodeId(wf, "dag-diamond-q9r4t.C(0)"));
    nodes.remove(nodeId(wf, "dag-diamond-q9r4t.C(1)"));
    String text = plain.render(wf, CliRun.NOW);
    assertThat(text).contains(" ├─✖ C(0) ").doesNotContain("✖ C ").doesNotContain("No more retries left");
  }

  @Test
  void runningPodDurationCountsToNowAndColoursOnlyOnATerminal() {
    ObjectNode wf = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    ObjectNode hello2b = (ObjectNode) wf.path("status").path("nodes").get(nodeId(wf, "steps-x7k2p[1].hello2b"));
    hello2b.put("phase", "Running").remove("finishedAt");
    String plainText = plain.render(wf, CliRun.NOW);
    assertThat(plainText).contains("└─● hello2b").contains("1m52s").doesNotContain("\u001b[");
    String coloured = new WorkflowView(ZoneOffset.UTC, true).render(wf, CliRun.NOW);
    assertThat(coloured).contains("\u001b[34m●\u001b[0m hello2b").contains("\u001b[32m✔\u001b[0m hello1");
  }

  @Test
  void aWorkflowWithoutNodesShowsOnlyTheSummary() {
    ObjectNode wf = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Pending");
    wf.with("status").remove("nodes");
    wf.with("status").remove("startedAt");
    String text = plain.render(wf, CliRun.NOW);
    assertThat(text).contains("Status:              Pending").doesNotContain("STEP").doesNotContain("Duration:");
  }

  private static String nodeId(ObjectNode wf, String nodeName) {
    var it = wf.path("status").path("nodes").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue().path("name").asText().equals(nodeName)) {
        return e.getKey();
      }
    }
    throw new AssertionError("no node " + nodeName);
  }
}
