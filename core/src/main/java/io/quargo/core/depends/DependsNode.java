package io.quargo.core.depends;

import java.util.List;

/** Parsed {@code depends} tree; and/or are n-ary so long chains do not deepen the tree. */
sealed interface DependsNode {

  /** {@code task.Result}. */
  record Ref(String task, TaskResult result, int offset) implements DependsNode {}

  /** A bare {@code task}: Succeeded, Skipped or Daemoned, plus Failed/Errored if the task continues on them. */
  record Bare(String task, ContinueOn continueOn, int offset) implements DependsNode {}

  record Not(DependsNode operand) implements DependsNode {}

  record And(List<DependsNode> operands) implements DependsNode {}

  record Or(List<DependsNode> operands) implements DependsNode {}
}
