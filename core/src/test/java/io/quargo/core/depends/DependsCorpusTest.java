package io.quargo.core.depends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every `depends` in Argo's examples parses, names its tasks, and decides once all of them have finished. */
class DependsCorpusTest {

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    List<String> lines;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        DependsCorpusTest.class.getResourceAsStream("examples-corpus.txt"), StandardCharsets.UTF_8))) {
      lines = r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
    assertThat(lines).hasSizeGreaterThan(30);
    return lines.stream().map(expr -> DynamicTest.dynamicTest(expr, () -> check(expr)));
  }

  private static void check(String expr) {
    DependsExpression e = DependsExpression.parse(expr);
    assertThat(e.references()).isNotEmpty();
    Map<String, TaskState> succeeded = new HashMap<>();
    Map<String, TaskState> running = new HashMap<>();
    e.references().forEach(t -> {
      succeeded.put(t, TaskState.of(TaskPhase.SUCCEEDED));
      running.put(t, TaskState.of(TaskPhase.RUNNING));
    });
    assertThat(e.verdict(succeeded)).isNotEqualTo(Verdict.UNKNOWN);
    assertThat(e.verdict(running)).isEqualTo(Verdict.UNKNOWN);
    assertThat(e.ready(succeeded)).isTrue();
  }
}
