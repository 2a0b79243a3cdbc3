package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code resubmit --memoized} (Argo's FormulateResubmitWorkflow) and {@code stop --node-field-selector}. */
class ResubmitAndStopEngineTest {
  private static final String DAG = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: NAME}
      spec:
        entrypoint: main
        templates:
        - name: main
          dag:
            tasks:
            - {name: A, template: echo}
            - {name: B, template: echo}
            - name: C
              depends: "A && B"
              template: show
              arguments: {parameters: [{name: a, value: "{{tasks.A.outputs.result}}"}]}
        - name: echo
          container: {image: busybox, command: [echo, hi]}
        - name: show
          inputs: {parameters: [{name: a}]}
          container: {image: busybox, command: [echo, "{{inputs.parameters.a}}"]}
      """;

  @Test
  void memoizedResubmitKeepsSucceededPodsAsSkippedWithTheirOutputsAndRerunsTheFailedOnes() {
    EngineHarness old = new EngineHarness(DAG.replace("NAME", "old")).output("A", "from the old run").fail("B", 1);
    old.runToEnd();
    assertThat(old.run.phase).isEqualTo("Failed");
    String oldA = old.node("old.A").id;
    Resubmission.requireFailed("old", old.run.phase);

    Instant now = Instant.parse("2026-02-01T00:00:00Z");
    ObjectNode status = Resubmission.memoizedStatus("old", old.run.status(), "old-x1y2z", now);
    assertThat(status.path("phase").asText()).isEmpty();
    JsonNode nodes = status.path("nodes");
    JsonNode a = nodes.path(NodeNames.nodeId("old-x1y2z", "old-x1y2z.A"));
    assertThat(a.path("type").asText()).isEqualTo("Skipped");
    assertThat(a.path("phase").asText()).isEqualTo("Skipped");
    assertThat(a.path("message").asText()).isEqualTo("original pod: " + oldA);
    assertThat(a.path("outputs").path("result").asText()).isEqualTo("from the old run");
    assertThat(a.path("startedAt").asText()).isEqualTo("2026-02-01T00:00:00Z");
    JsonNode b = nodes.path(NodeNames.nodeId("old-x1y2z", "old-x1y2z.B"));
    assertThat(b.path("type").asText()).isEqualTo("Pod");
    assertThat(b.path("phase").asText()).isEqualTo("Pending");
    assertThat(b.has("message")).isFalse();
    assertThat(b.path("startedAt").isNull()).isTrue();
    JsonNode root = nodes.path("old-x1y2z");
    assertThat(root.path("type").asText()).isEqualTo("DAG");
    assertThat(root.path("phase").asText()).isEqualTo("Pending");
    assertThat(root.path("children").toString()).contains(a.path("id").asText(), b.path("id").asText());
    assertThat(nodes.path(NodeNames.nodeId("old-x1y2z", "old-x1y2z.C")).isMissingNode()).isTrue();

    EngineHarness resubmitted = new EngineHarness(DAG.replace("NAME", "old-x1y2z"));
    Resubmission.seed(resubmitted.run, status);
    resubmitted.runToEnd();
    assertThat(resubmitted.run.phase).isEqualTo("Succeeded");
    assertThat(resubmitted.started).extracting(t -> t.nodeName())
        .containsExactlyInAnyOrder("old-x1y2z.B", "old-x1y2z.C");
    assertThat(resubmitted.node("old-x1y2z.A").phase).isEqualTo(NodePhase.Skipped);
    assertThat(resubmitted.node("old-x1y2z.B").phase).isEqualTo(NodePhase.Succeeded);
    // C read A's output from the kept node
    assertThat(resubmitted.started.stream().filter(t -> t.nodeName().endsWith(".C")).findFirst().orElseThrow()
        .template().path("container").path("command").toString()).contains("from the old run");
  }

  @Test
  void aRetriedStepThatSucceededIsNotRunAgainAndTheFailedLastAttemptIsRerun() {
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: NAME}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: flaky, template: flaky}
              - {name: broken, template: broken}
          - name: flaky
            retryStrategy: {limit: 1}
            container: {image: busybox}
          - name: broken
            container: {image: busybox}
        """;
    EngineHarness old = new EngineHarness(yaml.replace("NAME", "r"));
    int[] flakyRuns = {0};
    old.outcomes.put("flaky(0)", t -> ++flakyRuns[0] == 1 ? old.result("Failed", "Error (exit code 1)", 1, null)
        : old.result("Succeeded", null, 0, "ok"));
    old.fail("broken", 1).runToEnd();
    assertThat(old.run.phase).isEqualTo("Failed");
    ObjectNode status = Resubmission.memoizedStatus("r", old.run.status(), "r-2", EngineHarness.T0);

    EngineHarness again = new EngineHarness(yaml.replace("NAME", "r-2"));
    Resubmission.seed(again.run, status);
    again.runToEnd();
    assertThat(again.run.phase).isEqualTo("Succeeded");
    assertThat(again.started).extracting(t -> t.nodeName()).containsExactly("r-2[0].broken");
    assertThat(again.node("r-2[0].flaky").phase.successful()).isTrue();
  }

  @Test
  void failedPodsWaitingToRerunDoNotCountAgainstParallelism() {
    String yaml = DAG.replace("spec:\n", "spec:\n  parallelism: 1\n");
    EngineHarness old = new EngineHarness(yaml.replace("NAME", "p")).fail("A", 1).fail("B", 1);
    old.runToEnd();
    assertThat(old.run.phase).isEqualTo("Failed");
    ObjectNode status = Resubmission.memoizedStatus("p", old.run.status(), "p-2", EngineHarness.T0);
    EngineHarness again = new EngineHarness(yaml.replace("NAME", "p-2"));
    Resubmission.seed(again.run, status);
    again.runToEnd();
    assertThat(again.run.phase).isEqualTo("Succeeded");
    assertThat(again.started).extracting(t -> t.nodeName()).containsExactly("p-2.A", "p-2.B", "p-2.C");
  }

  @Test
  void onlyAFailedOrErrorWorkflowCanBeResubmittedMemoized() {
    EngineHarness ok = new EngineHarness(DAG.replace("NAME", "ok")).runToEnd();
    assertThatThrownBy(() -> Resubmission.requireFailed("ok", ok.run.phase))
        .hasMessage("workflow must be Failed/Error to resubmit in memoized mode (ok is Succeeded)");
  }

  private static final String APPROVALS = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: gate}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: approve, template: wait}
            - {name: review, template: wait}
        - name: wait
          suspend: {}
      """;

  @Test
  void stopWithASelectorFailsTheMatchingSuspendNodesOnlyAndDoesNotShutTheWorkflowDown() {
    EngineHarness h = new EngineHarness(APPROVALS).runToEnd();
    assertThat(h.node("gate[0].approve").phase).isEqualTo(NodePhase.Running);
    Instant at = h.now.plusSeconds(5);
    int stopped = WorkflowActions.stop(h.run, "displayName=approve", "not today", at);
    assertThat(stopped).isEqualTo(1);
    Node approve = h.node("gate[0].approve");
    assertThat(approve.phase).isEqualTo(NodePhase.Failed);
    assertThat(approve.message).isEqualTo("not today");
    assertThat(approve.finishedAt).isEqualTo(at);
    assertThat(h.node("gate[0].review").phase).isEqualTo(NodePhase.Running);
    assertThat(h.run.shutdown()).isEmpty();

    assertThatThrownBy(() -> WorkflowActions.stop(h.run, "displayName=nobody", null, at))
        .hasMessage("currently, set only targets suspend nodes: no suspend nodes matching nodeFieldSelector:"
            + " displayName=nobody");
    // the other approval resumed: the group fails because approve was stopped
    WorkflowActions.resume(h.run, "displayName=review", java.util.Map.of(), at);
    h.runToEnd();
    assertThat(h.run.phase).isEqualTo("Failed");
    assertThat(h.node("gate[0].review").phase).isEqualTo(NodePhase.Succeeded);
  }

  @Test
  void stopWithoutASelectorShutsTheWorkflowDownAsBefore() {
    EngineHarness h = new EngineHarness(APPROVALS).runToEnd();
    WorkflowActions.stop(h.run, "", null, h.now);
    assertThat(h.run.shutdown()).isEqualTo("Stop");
  }
}
