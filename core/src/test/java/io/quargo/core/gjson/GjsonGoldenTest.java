package io.quargo.core.gjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden table (golden.tsv) of paths over a GitHub-like webhook event (event.json). */
class GjsonGoldenTest {
  static final JsonNode EVENT = load();

  private static JsonNode load() {
    try (InputStream in = GjsonGoldenTest.class.getResourceAsStream("event.json")) {
      return Json.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        GjsonGoldenTest.class.getResourceAsStream("golden.tsv"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        tests.add(DynamicTest.dynamicTest("line " + n + ": " + cols[0] + " => " + cols[1],
            () -> check(cols[0], cols[1])));
      }
    }
    assertThat(tests).hasSizeGreaterThan(50);
    return tests.stream();
  }

  private static void check(String path, String expected) {
    if (expected.startsWith("err:")) {
      assertThatThrownBy(() -> GjsonPath.compile(path))
          .isInstanceOf(GjsonPathException.class)
          .hasMessageContaining(expected.substring(4))
          .hasMessageContaining(" at 1:");
      return;
    }
    GjsonResult r = GjsonPath.get(EVENT, path);
    if (expected.equals("!")) {
      assertThat(r.exists()).as("exists").isFalse();
      assertThat(r.asString()).isEmpty();
    } else {
      assertThat(r.exists()).as("exists").isTrue();
      assertThat(Json.string(r.node())).isEqualTo(expected);
    }
  }
}
