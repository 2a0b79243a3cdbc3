package io.quargo.core.govaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.tags.ExpressionEvaluator;
import io.quargo.core.tags.TagOptions;
import io.quargo.core.tags.Tags;
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

/** Every govaluate-form `when` in Argo's examples: substitute the tags, then shouldExecute. */
class WhenCorpusTest {

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        WhenCorpusTest.class.getResourceAsStream("when-corpus.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        tests.add(DynamicTest.dynamicTest(cols[0] + " with " + cols[1], () -> check(cols[0], cols[1], cols[2])));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests.stream();
  }

  private static void check(String when, String vars, String expected) {
    Map<String, String> values = new HashMap<>();
    for (String kv : vars.isEmpty() ? new String[0] : vars.split(";")) {
      values.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    String substituted = Tags.substitute(when, values, TagOptions.fail(ExpressionEvaluator.NONE));
    assertThat(ArgoWhen.shouldExecute(substituted)).isEqualTo(Boolean.parseBoolean(expected));
  }
}
