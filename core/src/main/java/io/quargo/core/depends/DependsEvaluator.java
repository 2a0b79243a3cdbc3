package io.quargo.core.depends;

import java.util.Map;

/** Three-valued evaluation over task states; a missing or unfulfilled task contributes UNKNOWN. */
final class DependsEvaluator {
  private DependsEvaluator() {}

  static Verdict eval(DependsNode node, Map<String, TaskState> tasks) {
    if (node instanceof DependsNode.Ref r) {
      return result(tasks.get(r.task()), r.result());
    }
    if (node instanceof DependsNode.Bare b) {
      return bare(tasks.get(b.task()), b.continueOn());
    }
    if (node instanceof DependsNode.Not n) {
      return eval(n.operand(), tasks).not();
    }
    if (node instanceof DependsNode.And a) {
      Verdict acc = Verdict.TRUE;
      for (DependsNode o : a.operands()) {
        Verdict v = eval(o, tasks);
        if (v == Verdict.FALSE) {
          return Verdict.FALSE;
        }
        if (v == Verdict.UNKNOWN) {
          acc = Verdict.UNKNOWN;
        }
      }
      return acc;
    }
    Verdict acc = Verdict.FALSE;
    for (DependsNode o : ((DependsNode.Or) node).operands()) {
      Verdict v = eval(o, tasks);
      if (v == Verdict.TRUE) {
        return Verdict.TRUE;
      }
      if (v == Verdict.UNKNOWN) {
        acc = Verdict.UNKNOWN;
      }
    }
    return acc;
  }

  private static Verdict result(TaskState s, TaskResult r) {
    return s == null || !s.fulfilled() ? Verdict.UNKNOWN : Verdict.of(s.has(r));
  }

  private static Verdict bare(TaskState s, ContinueOn c) {
    if (s == null || !s.fulfilled()) {
      return Verdict.UNKNOWN;
    }
    boolean ok = s.has(TaskResult.SUCCEEDED) || s.has(TaskResult.SKIPPED) || s.has(TaskResult.DAEMONED)
        || (c.error() && s.has(TaskResult.ERRORED)) || (c.failed() && s.has(TaskResult.FAILED));
    return Verdict.of(ok);
  }
}
