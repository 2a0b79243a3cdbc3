package io.quargo.core.govaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.gjson.GjsonPath;
import io.quargo.core.gjson.GjsonResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Sensor {@code exprs} filter end to end: fields extracted with gjson, then a govaluate expression. */
class SensorExprsFilterTest {
  private static final JsonNode DATA = Json.parse(("{\"body\":{\"a\":\"b\",\"c\":{\"d\":20},"
      + "\"branch\":\"refs/heads/feature-x\"}}").getBytes(StandardCharsets.UTF_8));

  private static boolean filter(String expr, Map<String, String> fields) {
    Map<String, Object> params = new HashMap<>();
    fields.forEach((name, path) -> {
      GjsonResult r = GjsonPath.get(DATA, path);
      if (!r.exists()) {
        throw new IllegalArgumentException("path '" + path + "' does not exist");
      }
      params.put(name, r.value());
    });
    return GovaluateExpression.parse(expr, GovaluateMode.VARIABLES).evaluateBoolean(params);
  }

  @Test
  void argoEventsDocumentationExample() {
    assertThat(filter("a == \"b\" && c != 10", Map.of("a", "body.a", "c", "body.c.d"))).isTrue();
    assertThat(filter("a == \"b\" && c > 25", Map.of("a", "body.a", "c", "body.c.d"))).isFalse();
  }

  @Test
  void regexOnABranch() {
    assertThat(filter("branch =~ '^refs/heads/feature-'", Map.of("branch", "body.branch"))).isTrue();
  }

  @Test
  void missingPathIsAnError() {
    assertThatThrownBy(() -> filter("x == 1", Map.of("x", "body.nope")))
        .hasMessageContaining("path 'body.nope' does not exist");
  }
}
