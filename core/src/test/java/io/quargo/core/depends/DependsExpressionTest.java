package io.quargo.core.depends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependsExpressionTest {

  @Test
  void referencesInOrderOfFirstMention() {
    DependsExpression e = DependsExpression.parse("C && (A.Failed || B-2.AllFailed) && !C.Skipped");
    assertThat(e.references()).containsExactly("C", "A", "B-2");
  }

  @Test
  void bareNameExpandsAsArgoDoes() {
    assertThat(DependsExpression.parse("A && B.Failed").expanded())
        .isEqualTo("(A.Succeeded || A.Skipped || A.Daemoned) && B.Failed");
  }

  @Test
  void dependenciesListWithContinueOn() {
    DependsExpression e = DependsExpression.fromDependencies(List.of("A", "B"),
        t -> t.equals("B") ? new ContinueOn(true, false) : ContinueOn.NONE);
    assertThat(e.source()).isEqualTo("A && B");
    assertThat(e.expanded()).isEqualTo(
        "(A.Succeeded || A.Skipped || A.Daemoned) && (B.Succeeded || B.Skipped || B.Daemoned || B.Failed)");
    assertThat(e.evaluate(Map.of("A", TaskState.of(TaskPhase.SUCCEEDED), "B", TaskState.of(TaskPhase.FAILED))))
        .isTrue();
    assertThat(e.evaluate(Map.of("A", TaskState.of(TaskPhase.SUCCEEDED), "B", TaskState.of(TaskPhase.ERROR))))
        .isFalse();
  }

  @Test
  void invalidDependencyNameIsRejected() {
    assertThatThrownBy(() -> DependsExpression.fromDependencies(List.of("A", "B.Failed"), t -> ContinueOn.NONE))
        .hasMessageContaining("invalid dependency name 'B.Failed'");
  }

  @Test
  void evaluateInsistsOnFulfilledTasksAndNamesTheOne() {
    DependsExpression e = DependsExpression.parse("A || B");
    Map<String, TaskState> tasks = Map.of("A", TaskState.of(TaskPhase.SUCCEEDED), "B", TaskState.of(TaskPhase.RUNNING));
    assertThat(e.ready(tasks)).isFalse();
    assertThat(e.verdict(tasks)).isEqualTo(Verdict.TRUE);
    assertThatThrownBy(() -> e.evaluate(tasks))
        .isInstanceOf(DependsException.class)
        .hasMessage("task 'B' has not finished (phase Running) at 1:6");
    assertThatThrownBy(() -> e.evaluate(Map.of("A", TaskState.of(TaskPhase.SUCCEEDED))))
        .hasMessage("task 'B' has no result yet at 1:6");
  }

  @Test
  void omittedEarlyWhenNoOutcomeCanSatisfy() {
    DependsExpression e = DependsExpression.parse("A.Failed && (B || C)");
    assertThat(e.canStillBeTrue(Map.of("A", TaskState.of(TaskPhase.SUCCEEDED)))).isFalse();
    assertThat(e.canStillBeTrue(Map.of("A", TaskState.of(TaskPhase.FAILED)))).isTrue();
    assertThat(e.canStillBeTrue(Map.of())).isTrue();
  }

  @Test
  void positionOfUnknownResult() {
    assertThatThrownBy(() -> DependsExpression.parse("A &&\n  B.Done"))
        .hasMessage("unknown task result '.Done' on task 'B'; expected one of Succeeded, Failed, Errored, Skipped,"
            + " Omitted, Daemoned, AnySucceeded, AllFailed at 2:4");
  }

  @Test
  void longChainsDoNotOverflowTheStack() {
    StringBuilder sb = new StringBuilder("t0");
    for (int i = 1; i < 50_000; i++) {
      sb.append(" && t").append(i);
    }
    DependsExpression e = DependsExpression.parse(sb.toString());
    assertThat(e.references()).hasSize(50_000);
    assertThat(e.verdict(Map.of("t0", TaskState.of(TaskPhase.FAILED)))).isEqualTo(Verdict.FALSE);
  }

  @Test
  void deepNestingIsAnError() {
    assertThatThrownBy(() -> DependsExpression.parse("(".repeat(10_000) + "A" + ")".repeat(10_000)))
        .isInstanceOf(DependsException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void unknownPhaseNameIsExplained() {
    assertThatThrownBy(() -> TaskPhase.fromArgo("Done")).hasMessageContaining("unknown node phase 'Done'");
    assertThat(TaskPhase.fromArgo("Error")).isEqualTo(TaskPhase.ERROR);
  }

  @Test
  void fulfilment() {
    assertThat(TaskState.of(TaskPhase.RUNNING).fulfilled()).isFalse();
    assertThat(TaskState.daemon(TaskPhase.RUNNING).fulfilled()).isTrue();
    assertThat(TaskState.daemon(TaskPhase.PENDING).fulfilled()).isFalse();
    assertThat(TaskState.of(TaskPhase.OMITTED).fulfilled()).isTrue();
    assertThat(TaskState.fannedOut(TaskPhase.FAILED, List.of(TaskPhase.FAILED)).has(TaskResult.ALL_FAILED)).isTrue();
  }
}
