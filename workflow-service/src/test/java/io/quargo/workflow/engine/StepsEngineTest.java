package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Steps as Argo documents them: group nodes, names, display names, children, continueOn, when, loops. */
class StepsEngineTest {
  private static final String STEPS = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: steps}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: hello1, template: echo}
          - - {name: hello2a, template: echo}
            - {name: hello2b, template: echo}
        - name: echo
          container: {image: busybox, command: [echo, hi]}
      """;

  @Test
  void groupsAndStepsAreNamedAndLinkedAsArgoDoes() {
    EngineHarness h = new EngineHarness(STEPS).runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    assertThat(h.names()).containsExactly("steps", "steps[0]", "steps[0].hello1", "steps[1]", "steps[1].hello2a",
        "steps[1].hello2b");
    Node root = h.node("steps");
    Node g0 = h.node("steps[0]");
    Node g1 = h.node("steps[1]");
    Node hello1 = h.node("steps[0].hello1");
    assertThat(root.type).isEqualTo(NodeType.Steps);
    assertThat(root.id).isEqualTo("steps");
    assertThat(g0.type).isEqualTo(NodeType.StepGroup);
    assertThat(g0.displayName).isEqualTo("[0]");
    assertThat(hello1.displayName).isEqualTo("hello1");
    assertThat(hello1.id).isEqualTo("steps-" + NodeNames.fnv32a("steps[0].hello1"));
    assertThat(hello1.boundaryId).isEqualTo("steps");
    assertThat(hello1.podName).isEqualTo("steps-echo-" + NodeNames.fnv32a("steps[0].hello1"));
    // the first group hangs off the steps node, the next off the previous group's outbound pods
    assertThat(root.children).containsExactly(g0.id);
    assertThat(g0.children).containsExactly(hello1.id);
    assertThat(hello1.children).containsExactly(g1.id);
    assertThat(root.outboundNodes).containsExactly(h.node("steps[1].hello2a").id, h.node("steps[1].hello2b").id);
    assertThat(h.run.progress()).isEqualTo("3/3");
  }

  @Test
  void aFailedStepFailsItsGroupAndTheStepsAndLaterGroupsNeverStart() {
    EngineHarness h = new EngineHarness(STEPS).fail("hello1", 3).runToEnd();
    Node hello1 = h.node("steps[0].hello1");
    assertThat(hello1.phase).isEqualTo(NodePhase.Failed);
    assertThat(hello1.message).isEqualTo("Error (exit code 3)");
    assertThat(h.node("steps[0]").message).isEqualTo("child '" + hello1.id + "' failed");
    assertThat(h.node("steps").phase).isEqualTo(NodePhase.Failed);
    assertThat(h.run.phase).isEqualTo("Failed");
    assertThat(h.run.message).isEqualTo("child '" + hello1.id + "' failed");
    assertThat(h.run.node("steps[1]")).isNull();
  }

  @Test
  void continueOnFailedLetsTheNextGroupRunAndWhenSkipsWithArgosMessage() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: c}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: flaky, template: echo, continueOn: {failed: true}}
            - - {name: on-fail, template: echo, when: "{{steps.flaky.status}} == Failed"}
              - {name: on-ok, template: echo, when: "{{steps.flaky.status}} == Succeeded"}
          - name: echo
            container: {image: busybox}
        """).fail("flaky", 1).runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    assertThat(h.node("c[1].on-fail").phase).isEqualTo(NodePhase.Succeeded);
    Node skipped = h.node("c[1].on-ok");
    assertThat(skipped.type).isEqualTo(NodeType.Skipped);
    assertThat(skipped.phase).isEqualTo(NodePhase.Skipped);
    assertThat(skipped.message).isEqualTo("when 'Failed == Succeeded' evaluated false");
  }

  @Test
  void loopsExpandWithArgosNamesAndAggregateOutputsInIndexOrder() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: l}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - name: gen
                template: echo
                arguments: {parameters: [{name: m, value: "{{item.n}}"}]}
                withItems: [{n: 1, x: b}, {n: 2, x: a}]
            - - name: sum
                template: echo
                arguments: {parameters: [{name: m, value: "{{steps.gen.outputs.result}}"}]}
          - name: echo
            inputs: {parameters: [{name: m}]}
            container: {image: busybox, args: ["{{inputs.parameters.m}}"]}
        """);
    h.outcomes.put("gen(0:n:1,x:b)", t -> h.result("Succeeded", null, 0, "1"));
    h.outcomes.put("gen(1:n:2,x:a)", t -> h.result("Succeeded", null, 0, "{\"v\": 2}"));
    h.runToEnd();
    assertThat(h.names()).contains("l[0].gen(0:n:1,x:b)", "l[0].gen(1:n:2,x:a)");
    assertThat(h.node("l[1].sum").inputs.path("parameters").get(0).path("value").asText())
        .isEqualTo("[1,{\"v\":2}]");
  }

  @Test
  void anEmptyWithParamIsASkippedNodeNamedAfterTheStep() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: e}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: each, template: echo, withParam: "[]"}
          - name: echo
            container: {image: busybox}
        """).runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    assertThat(h.node("e[0].each").message).isEqualTo("Skipped, empty params");
  }
}
