package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** retryStrategy attempts and backoff, exit handlers with workflow.status/failures, and the actions. */
class RetryAndExitEngineTest {
  private static String retrying(String strategy) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: r}
        spec:
          entrypoint: flaky
          templates:
          - name: flaky
            retryStrategy: %s
            container: {image: busybox}
        """.formatted(strategy);
  }

  @Test
  void attemptsAreChildrenNamedByIndexAndTheLimitCountsRetries() {
    EngineHarness h = new EngineHarness(retrying("{limit: 2}"));
    h.outcomes.put("r(0)", t -> h.result("Failed", "Error (exit code 1)", 1, null));
    h.outcomes.put("r(1)", t -> h.result("Failed", "Error (exit code 1)", 1, null));
    h.outcomes.put("r(2)", t -> h.result("Failed", "Error (exit code 7)", 7, null));
    h.runToEnd();
    Node retry = h.node("r");
    assertThat(retry.type).isEqualTo(NodeType.Retry);
    assertThat(retry.children).hasSize(3);
    assertThat(h.node("r(2)").displayName).isEqualTo("r(2)");
    assertThat(retry.phase).isEqualTo(NodePhase.Failed);
    assertThat(retry.message).isEqualTo("Error (exit code 7)");
    assertThat(h.run.phase).isEqualTo("Failed");
  }

  @Test
  void aSuccessfulAttemptEndsTheRetryWithItsOutputs() {
    EngineHarness h = new EngineHarness(retrying("{limit: 5}"));
    h.outcomes.put("r(0)", t -> h.result("Failed", "Error (exit code 1)", 1, null));
    h.outcomes.put("r(1)", t -> h.result("Succeeded", null, 0, "done"));
    h.runToEnd();
    assertThat(h.node("r").phase).isEqualTo(NodePhase.Succeeded);
    assertThat(h.node("r").result()).isEqualTo("done");
    assertThat(h.run.node("r(2)")).isNull();
  }

  @Test
  void backoffWaitsDurationTimesFactorAndSaysSo() {
    EngineHarness h = new EngineHarness(retrying("{limit: 3, backoff: {duration: 10s, factor: 2}}"));
    h.outcomes.put("r(0)", t -> h.result("Failed", "Error (exit code 1)", 1, null));
    h.outcomes.put("r(1)", t -> h.result("Failed", "Error (exit code 1)", 1, null));
    Plan first = h.engine.reconcile(h.run, h.now);
    h.engine.finished(h.run, first.start().get(0).nodeId(), h.result("Failed", "Error (exit code 1)", 1, null));
    Plan waiting = h.engine.reconcile(h.run, h.now);
    assertThat(waiting.start()).isEmpty();
    assertThat(waiting.wakeAt()).isEqualTo(EngineHarness.T0.plusSeconds(10));
    assertThat(h.node("r").message).isEqualTo("Backoff for 10s");
    h.now = waiting.wakeAt();
    Plan second = h.engine.reconcile(h.run, h.now);
    assertThat(second.start()).singleElement().satisfies(t -> assertThat(t.nodeName()).isEqualTo("r(1)"));
    h.engine.finished(h.run, second.start().get(0).nodeId(), h.result("Failed", "Error (exit code 1)", 1, null));
    assertThat(h.engine.reconcile(h.run, h.now).wakeAt()).isEqualTo(h.now.plusSeconds(20));
  }

  @Test
  void onFailureIsTheDefaultPolicySoAnErrorIsNotRetried() {
    EngineHarness h = new EngineHarness(retrying("{limit: 3}"));
    h.outcomes.put("r(0)", t -> h.result("Error", "could not start", null, null));
    h.runToEnd();
    assertThat(h.node("r").phase).isEqualTo(NodePhase.Error);
    assertThat(h.run.node("r(1)")).isNull();
  }

  private static final String EXIT = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: x}
      spec:
        entrypoint: main
        onExit: report
        templates:
        - name: main
          container: {image: busybox}
        - name: report
          container: {image: busybox, args: ["{{workflow.status}}", "{{workflow.failures}}"]}
      """;

  @Test
  void theExitHandlerSeesTheStatusAndFailuresAndRunsAfterTheMainTree() {
    EngineHarness h = new EngineHarness(EXIT).fail("x", 2).runToEnd();
    Node exit = h.node("x.onExit");
    assertThat(exit.phase).isEqualTo(NodePhase.Succeeded);
    var args = h.started.get(1).template().path("container").path("args");
    assertThat(args.get(0).asText()).isEqualTo("Failed");
    assertThat(args.get(1).asText()).contains("\"displayName\":\"x\"").contains("\"message\":\"Error (exit code 2)\"");
    assertThat(h.run.phase).isEqualTo("Failed");
  }

  @Test
  void aFailingExitHandlerFailsASucceededWorkflow() {
    EngineHarness h = new EngineHarness(EXIT).fail("x.onExit", 1).runToEnd();
    assertThat(h.node("x").phase).isEqualTo(NodePhase.Succeeded);
    assertThat(h.run.phase).isEqualTo("Failed");
    assertThat(h.run.message).isEqualTo("Error (exit code 1)");
  }

  @Test
  void stopRunsTheExitHandlerAndTerminateDoesNot() {
    for (String action : new String[] {"stop", "terminate"}) {
      EngineHarness h = new EngineHarness(EXIT);
      Plan plan = h.engine.reconcile(h.run, h.now);
      String pod = plan.start().get(0).nodeId();
      if (action.equals("stop")) {
        WorkflowActions.stop(h.run, null);
      } else {
        WorkflowActions.terminate(h.run);
      }
      Plan after = h.engine.reconcile(h.run, h.now);
      String strategy = action.equals("stop") ? "Stop" : "Terminate";
      assertThat(after.kill()).containsEntry(pod, "workflow shutdown with strategy: " + strategy);
      h.engine.finished(h.run, pod, h.result("Failed", after.kill().get(pod), null, null));
      h.runToEnd();
      assertThat(h.run.phase).isEqualTo("Failed");
      assertThat(h.run.message).isEqualTo("Stopped with strategy '" + strategy + "'");
      assertThat(h.run.node("x.onExit") != null).isEqualTo(action.equals("stop"));
    }
  }

  @Test
  void retryRerunsOnlyTheFailedNodes() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: s}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: ok, template: echo}
              - {name: bad, template: echo}
            - - {name: after, template: echo}
          - name: echo
            container: {image: busybox}
        """).fail("bad", 1).runToEnd();
    assertThat(h.run.phase).isEqualTo("Failed");
    String okId = h.node("s[0].ok").id;
    h.outcomes.clear();
    int before = h.started.size();
    WorkflowActions.retry(h.run, false, null, Map.of("x", "1"));
    h.runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    assertThat(h.started.subList(before, h.started.size())).extracting(t -> t.nodeName())
        .containsExactly("s[0].bad", "s[1].after");
    assertThat(h.node("s[0].ok").id).isEqualTo(okId);
  }

  @Test
  void suspendTemplatesWaitForResumeWithSuppliedOutputs() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: a}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: approve, template: approve}
            - - name: use
                template: echo
                arguments: {parameters: [{name: m, value: "{{steps.approve.outputs.parameters.ok}}"}]}
          - name: approve
            suspend: {}
            outputs: {parameters: [{name: ok, valueFrom: {supplied: {}}}]}
          - name: echo
            inputs: {parameters: [{name: m}]}
            container: {image: busybox}
        """).runToEnd();
    assertThat(h.run.phase).isEqualTo("Running");
    assertThat(h.node("a[0].approve").phase).isEqualTo(NodePhase.Running);
    WorkflowActions.resume(h.run, "displayName=approve", Map.of("ok", "yes"), h.now);
    h.runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    assertThat(h.node("a[1].use").inputs.path("parameters").get(0).path("value").asText()).isEqualTo("yes");
  }

  @Test
  void aResumeWithoutAValueTakesTheSuppliedDefault() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: d}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: approve, template: approve}
            - - name: use
                template: echo
                arguments: {parameters: [{name: m, value: "{{steps.approve.outputs.parameters.ok}}"}]}
          - name: approve
            suspend: {}
            outputs: {parameters: [{name: ok, valueFrom: {supplied: {}, default: "no"}}]}
          - name: echo
            inputs: {parameters: [{name: m}]}
            container: {image: busybox}
        """).runToEnd();
    WorkflowActions.resume(h.run, null, Map.of(), h.now);
    h.runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    assertThat(h.node("d[1].use").inputs.path("parameters").get(0).path("value").asText()).isEqualTo("no");
  }
}
