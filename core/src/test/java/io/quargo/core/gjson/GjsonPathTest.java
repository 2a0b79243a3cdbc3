package io.quargo.core.gjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GjsonPathTest {
  private static JsonNode json(String s) {
    return Json.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void stringFormAsGjsonPrintsIt() {
    JsonNode doc = json("{\"s\":\"x\",\"n\":1.50,\"b\":true,\"z\":null,\"o\":{\"a\":[1]}}");
    assertThat(GjsonPath.get(doc, "s").asString()).isEqualTo("x");
    assertThat(GjsonPath.get(doc, "n").asString()).isEqualTo("1.50");
    assertThat(GjsonPath.get(doc, "b").asString()).isEqualTo("true");
    assertThat(GjsonPath.get(doc, "z").asString()).isEmpty();
    assertThat(GjsonPath.get(doc, "z").exists()).isTrue();
    assertThat(GjsonPath.get(doc, "o").asString()).isEqualTo("{\"a\":[1]}");
    assertThat(GjsonPath.get(doc, "nope").asString()).isEmpty();
  }

  @Test
  void compiledPathIsReusable() {
    GjsonPath p = GjsonPath.compile("body.id");
    assertThat(p.get(json("{\"body\":{\"id\":1}}")).node().asInt()).isEqualTo(1);
    assertThat(p.get(json("{\"body\":{\"id\":2}}")).node().asInt()).isEqualTo(2);
    assertThat(p.get(json("[]")).exists()).isFalse();
    assertThat(p.get(null).exists()).isFalse();
    assertThat(p.source()).isEqualTo("body.id");
  }

  @Test
  void wildcardsAreLinearAndEscapable() {
    assertThat(Wildcard.matches("a*b?c", "axxxbyc")).isTrue();
    assertThat(Wildcard.matches("a*b?c", "axxxbc")).isFalse();
    assertThat(Wildcard.matches("*", "")).isTrue();
    assertThat(Wildcard.matches("a\\*", "a*")).isTrue();
    assertThat(Wildcard.matches("a\\*", "ab")).isFalse();
    assertThat(Wildcard.matches("*a*a*a*a*a*b", "a".repeat(5_000))).isFalse();
  }

  @Test
  void scalarRootAndTopLevelArray() {
    assertThat(GjsonPath.get(json("[1,2,3]"), "#").node().asInt()).isEqualTo(3);
    assertThat(GjsonPath.get(json("[1,2,3]"), "1").node().asInt()).isEqualTo(2);
    assertThat(GjsonPath.get(json("5"), "@this").node().asInt()).isEqualTo(5);
    assertThat(GjsonPath.get(json("5"), "a").exists()).isFalse();
  }

  @Test
  void valueAsGovaluateSeesIt() {
    JsonNode doc = json("{\"n\":3,\"s\":\"x\",\"b\":true,\"z\":null,\"a\":[1,{\"k\":\"v\"}]}");
    assertThat(GjsonPath.get(doc, "n").value()).isEqualTo(3.0);
    assertThat(GjsonPath.get(doc, "s").value()).isEqualTo("x");
    assertThat(GjsonPath.get(doc, "b").value()).isEqualTo(true);
    assertThat(GjsonPath.get(doc, "z").value()).isNull();
    assertThat(GjsonPath.get(doc, "a").value()).isEqualTo(java.util.List.of(1.0, java.util.Map.of("k", "v")));
    assertThat(GjsonPath.get(doc, "missing").value()).isNull();
  }
}
