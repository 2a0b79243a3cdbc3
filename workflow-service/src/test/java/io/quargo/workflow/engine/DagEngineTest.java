package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DAG semantics: names, dependency links, depends/Omitted, failFast, targets, fan-out task groups. */
class DagEngineTest {
  private static String diamond(String extra) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: d}
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
        %s
              tasks:
              - {name: A, template: echo}
              - {name: B, template: echo, dependencies: [A]}
              - {name: C, template: echo, dependencies: [A]}
              - {name: D, template: echo, dependencies: [B, C]}
          - name: echo
            container: {image: busybox}
        """.formatted(extra);
  }

  @Test
  void aDiamondLinksEachTaskToItsDependenciesAndEndsWithTheTargetAsOutbound() {
    EngineHarness h = new EngineHarness(diamond("")).runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    Node dag = h.node("d");
    Node a = h.node("d.A");
    Node d = h.node("d.D");
    assertThat(dag.type).isEqualTo(NodeType.DAG);
    assertThat(dag.children).containsExactly(a.id);
    assertThat(a.children).containsExactlyInAnyOrder(h.node("d.B").id, h.node("d.C").id);
    assertThat(h.node("d.B").children).containsExactly(d.id);
    assertThat(dag.outboundNodes).containsExactly(d.id);
    assertThat(a.displayName).isEqualTo("A");
    assertThat(a.boundaryId).isEqualTo("d");
    // B and C start together once A is done; D after both
    List<String> order = h.started.stream().map(t -> t.nodeName()).toList();
    assertThat(order.get(0)).isEqualTo("d.A");
    assertThat(order.subList(1, 3)).containsExactlyInAnyOrder("d.B", "d.C");
    assertThat(order.get(3)).isEqualTo("d.D");
  }

  @Test
  void aFailedDependencyOmitsItsDependantsAndFailsTheDag() {
    EngineHarness h = new EngineHarness(diamond("")).fail("B", 1).runToEnd();
    Node d = h.node("d.D");
    assertThat(d.type).isEqualTo(NodeType.Skipped);
    assertThat(d.phase).isEqualTo(NodePhase.Omitted);
    assertThat(d.message).isEqualTo("omitted: depends condition not met");
    assertThat(h.node("d.C").phase).isEqualTo(NodePhase.Succeeded);
    assertThat(h.run.phase).isEqualTo("Failed");
  }

  @Test
  void enhancedDependsRunsOnFailureAndTheDagSucceedsWhenTargetsDo() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: e}
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
              tasks:
              - {name: A, template: echo}
              - {name: B, template: echo, depends: "A.Failed"}
              - {name: C, template: echo, depends: "A.Succeeded"}
          - name: echo
            container: {image: busybox}
        """).fail("A", 2).runToEnd();
    assertThat(h.node("e.B").phase).isEqualTo(NodePhase.Succeeded);
    assertThat(h.node("e.C").phase).isEqualTo(NodePhase.Omitted);
    // targets B and C: B succeeded, C omitted after a failed branch, so it inherits Failed
    assertThat(h.run.phase).isEqualTo("Failed");
  }

  @Test
  void targetLimitsWhatRuns() {
    EngineHarness h = new EngineHarness(diamond("      target: B")).runToEnd();
    assertThat(h.names()).containsExactly("d", "d.A", "d.B");
    assertThat(h.run.phase).isEqualTo("Succeeded");
  }

  @Test
  void withFailFastNoNewTaskStartsAfterATargetBranchFailed() {
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: f}
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
        %s
              tasks:
              - {name: bad, template: echo}
              - {name: first, template: echo}
              - {name: second, template: echo, dependencies: [first]}
          - name: echo
            container: {image: busybox}
        """;
    EngineHarness fast = new EngineHarness(yaml.formatted("")).fail("bad", 1).runToEnd();
    assertThat(fast.run.phase).isEqualTo("Failed");
    assertThat(fast.run.node("f.second")).isNull();
    EngineHarness slow = new EngineHarness(yaml.formatted("      failFast: false")).fail("bad", 1).runToEnd();
    assertThat(slow.run.phase).isEqualTo("Failed");
    assertThat(slow.node("f.second").phase).isEqualTo(NodePhase.Succeeded);
  }

  @Test
  void aFannedOutTaskIsATaskGroupWithIndexedChildren() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: g}
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
              tasks:
              - {name: fan, template: echo, withSequence: {count: "3", format: "n%02d"}}
          - name: echo
            container: {image: busybox}
        """).runToEnd();
    Node group = h.node("g.fan");
    assertThat(group.type).isEqualTo(NodeType.TaskGroup);
    assertThat(group.children).hasSize(3);
    assertThat(h.node("g.fan(2:n02)").displayName).isEqualTo("fan(2:n02)");
  }
}
