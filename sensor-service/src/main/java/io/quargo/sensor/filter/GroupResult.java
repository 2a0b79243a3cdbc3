package io.quargo.sensor.filter;

import io.quargo.sensor.spec.LogicalOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one filter or one group of filters: passed, or not with the reasons why. An error (missing
 * path, value that does not parse, failing script) never passes; under {@code or} it is only noted.
 */
record GroupResult(boolean passed, List<String> reasons) {
  static final GroupResult PASS = new GroupResult(true, List.of());

  static GroupResult fail(String reason) {
    return new GroupResult(false, List.of(reason));
  }

  /** Combines results of one group: {@code and} needs every one, {@code or} any one; reasons of failures kept. */
  static GroupResult combine(List<GroupResult> results, LogicalOperator op) {
    List<String> reasons = new ArrayList<>();
    boolean any = false;
    boolean all = true;
    for (GroupResult r : results) {
      any |= r.passed;
      all &= r.passed;
      reasons.addAll(r.reasons);
    }
    boolean passed = op == LogicalOperator.OR ? any : all;
    return passed ? PASS : new GroupResult(false, List.copyOf(reasons));
  }
}
