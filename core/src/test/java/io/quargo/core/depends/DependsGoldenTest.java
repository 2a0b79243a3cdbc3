package io.quargo.core.depends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden table (golden.tsv): depends expression, task states, and the verdict or error. */
class DependsGoldenTest {
  private static final Pattern STATE =
      Pattern.compile("([^=]+)=([A-Za-z]+)(:daemon)?(?:\\[([A-Za-z,]*)])?(~)?");

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        DependsGoldenTest.class.getResourceAsStream("golden.tsv"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        tests.add(DynamicTest.dynamicTest("line " + n + ": " + cols[0] + " | " + cols[1] + " => " + cols[2],
            () -> check(cols[0], cols[1], cols[2])));
      }
    }
    assertThat(tests).hasSizeGreaterThan(80);
    return tests.stream();
  }

  private static void check(String expr, String states, String expected) {
    Map<String, TaskState> tasks = new HashMap<>();
    Set<String> continuing = new HashSet<>();
    for (String s : states.isBlank() ? new String[0] : states.trim().split(" ")) {
      Matcher m = STATE.matcher(s);
      assertThat(m.matches()).as("state %s", s).isTrue();
      List<TaskPhase> children = m.group(4) == null ? null : m.group(4).isEmpty() ? List.of()
          : Arrays.stream(m.group(4).split(",")).map(TaskPhase::fromArgo).toList();
      tasks.put(m.group(1), new TaskState(TaskPhase.fromArgo(m.group(2)), m.group(3) != null, children));
      if (m.group(5) != null) {
        continuing.add(m.group(1));
      }
    }
    if (expected.startsWith("err:")) {
      assertThatThrownBy(() -> DependsExpression.parse(expr).verdict(tasks))
          .isInstanceOf(DependsException.class)
          .hasMessageContaining(expected.substring(4))
          .hasMessageMatching("(?s).* at \\d+:\\d+");
      return;
    }
    DependsExpression e = DependsExpression.parse(expr,
        t -> continuing.contains(t) ? new ContinueOn(true, true) : ContinueOn.NONE);
    Verdict v = e.verdict(tasks);
    assertThat(v.name().substring(0, 1)).isEqualTo(expected);
    if (e.ready(tasks)) {
      assertThat(e.evaluate(tasks)).isEqualTo(v == Verdict.TRUE);
    }
    assertThat(e.canStillBeTrue(tasks)).isEqualTo(v != Verdict.FALSE);
  }
}
