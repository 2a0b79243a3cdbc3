package io.quargo.core.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden table (golden.tsv) of substitutions over a fixed variable map. */
class TagGoldenTest {
  static final Map<String, Object> VALUES = values();

  private static Map<String, Object> values() {
    Map<String, Object> v = new HashMap<>();
    v.put("inputs.parameters.x", "hello");
    v.put("inputs.parameters.n", "5");
    v.put("inputs.parameters", "[{\"name\":\"x\",\"value\":\"hello\"}]");
    v.put("steps.a.outputs.result", "heads");
    v.put("steps.flip.outputs.result", "tails");
    v.put("item", "apple");
    v.put("item.key", "k1");
    v.put("workflow.parameters.json", "{\"p\":\"1\"}");
    v.put("workflow.name", "wf-1");
    v.put("quote", "say \"hi\"\n");
    v.put("quoted", "say \"hi\"\n");
    v.put("absent", null);
    v.put("tasks.skipped.outputs.result", null);
    v.put("idx", "x");
    return v;
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        TagGoldenTest.class.getResourceAsStream("golden.tsv"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", 3);
        String t = cols[1].replace("\\t", "\t").replace("\\n", "\n");
        tests.add(DynamicTest.dynamicTest("line " + n + ": " + cols[1] + " => " + cols[2],
            () -> check(cols[0], t, cols[2].replace("_NEWLINE_", "\n"))));
      }
    }
    assertThat(tests).hasSizeGreaterThan(50);
    return tests.stream();
  }

  private static void check(String mode, String template, String expected) {
    TagOptions options = switch (mode) {
      case "L" -> TagOptions.leave(new StubEvaluator());
      case "F" -> TagOptions.fail(new StubEvaluator());
      case "J" -> TagOptions.fail(new StubEvaluator()).withEscaping(Escaping.JSON_STRING);
      default -> TagOptions.leave(new StubEvaluator()).withStrictPrefixes("steps.");
    };
    if (expected.startsWith("err:")) {
      assertThatThrownBy(() -> Tags.substitute(template, VALUES, options))
          .isInstanceOf(TagException.class)
          .hasMessageContaining(expected.substring(4))
          .hasMessageMatching("(?s).* at \\d+:\\d+");
      return;
    }
    assertThat(Tags.substitute(template, VALUES, options)).isEqualTo(expected);
  }
}
