package io.quargo.core.govaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden table (golden.tsv): expression, mode, and the expected value or error reason. */
class GovaluateGoldenTest {
  static final Map<String, Object> PARAMS = params();

  private static Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("a", 1);
    p.put("b", 2L);
    p.put("s", "hello");
    p.put("t", true);
    p.put("f", false);
    p.put("n", null);
    p.put("list", List.of(1, 2));
    p.put("name", "foo-bar");
    p.put("with space", "ok");
    p.put("big", 10_000_000_000L);
    p.put("obj", Map.of("Field", "inner", "lower", "x"));
    return p;
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        GovaluateGoldenTest.class.getResourceAsStream("golden.tsv"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        GovaluateMode mode = cols[0].equals("W") ? GovaluateMode.BARE_WORDS_ARE_STRINGS : GovaluateMode.VARIABLES;
        tests.add(DynamicTest.dynamicTest("line " + n + ": " + cols[1] + " => " + cols[2],
            () -> check(mode, cols[1], cols[2])));
      }
    }
    assertThat(tests).hasSizeGreaterThan(100);
    return tests.stream();
  }

  static void check(GovaluateMode mode, String expr, String expected) {
    if (expected.startsWith("err:")) {
      assertThatThrownBy(() -> GovaluateExpression.parse(expr, mode).evaluate(PARAMS))
          .isInstanceOf(GovaluateException.class)
          .hasMessageContaining(expected.substring(4))
          .hasMessageMatching("(?s).* at \\d+:\\d+");
      return;
    }
    Object actual = GovaluateExpression.parse(expr, mode).evaluate(PARAMS);
    if (expected.equals("nil")) {
      assertThat(actual).isNull();
    } else if (expected.equals("true") || expected.equals("false")) {
      assertThat(actual).isEqualTo(Boolean.valueOf(expected));
    } else if (expected.startsWith("n:")) {
      assertThat(actual).isInstanceOf(Double.class);
      assertThat(GoValues.format(actual)).isEqualTo(expected.substring(2));
    } else if (expected.startsWith("s:")) {
      assertThat(actual).isEqualTo(expected.substring(2));
    } else if (expected.startsWith("list:")) {
      assertThat(actual).isInstanceOf(List.class);
      assertThat(GoValues.format(actual)).isEqualTo(expected.substring(5));
    } else {
      throw new IllegalArgumentException("bad expectation " + expected);
    }
  }
}
