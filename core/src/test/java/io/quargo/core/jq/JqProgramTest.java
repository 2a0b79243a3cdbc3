package io.quargo.core.jq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JqProgramTest {
  static final JsonNode EVENT = json("{\"body\":{\"action\":\"opened\",\"n\":3,\"items\":[{\"id\":1},{\"id\":2}]},"
      + "\"header\":{\"X-Event\":[\"push\"]}}");

  static JsonNode json(String s) {
    return Json.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(delimiterString = " ==> ", value = {
      ".body.action ==> \"opened\"",
      ".body.n + 1 ==> 4",
      ".body.items | length ==> 2",
      "[.body.items[].id] ==> [1,2]",
      ".body.items | map(.id * 10) ==> [10,20]",
      "{action: .body.action, count: (.body.items | length)} ==> {\"action\":\"opened\",\"count\":2}",
      ".header[\"X-Event\"][0] ==> \"push\"",
      ".missing ==> null",
      ".body | has(\"n\") ==> true",
      ".body.action | test(\"^op\") ==> true",
      ".body.action | ascii_upcase ==> \"OPENED\"",
      ".body.items | map(select(.id > 1)) ==> [{\"id\":2}]",
      "(.body.n | tostring) + \"x\" ==> \"3x\"",
      "reduce .body.items[] as $i (0; . + $i.id) ==> 3",
      ".body | to_entries | length ==> 3",
      "if .body.n > 2 then \"big\" else \"small\" end ==> \"big\"",
      ".body | del(.items) ==> {\"action\":\"opened\",\"n\":3}",
      ".body.items | first ==> {\"id\":1}",
      "[limit(2; range(100))] ==> [0,1]",
      ".body.n as $x | $x * $x ==> 9",
      "try error(\"x\") catch . ==> \"x\"",
      "[.[]?] | length ==> 2",
      ".body + {extra: true} ==> {\"action\":\"opened\",\"n\":3,\"items\":[{\"id\":1},{\"id\":2}],\"extra\":true}",
  })
  void golden(String program, String expected) {
    assertThat(JqProgram.compile(program).first(EVENT)).isEqualTo(json(expected));
  }

  @Test
  void compileErrorNamesPosition() {
    assertThatThrownBy(() -> JqProgram.compile(".a |"))
        .isInstanceOf(JqException.class)
        .hasMessage("invalid jq program: Encountered \"<EOF>\" at 1:4");
    assertThatThrownBy(() -> JqProgram.compile("1 +\n )"))
        .hasMessage("invalid jq program: Unexpected ')' at 2:2");
  }

  @Test
  void runtimeErrorsAreExplained() {
    assertThatThrownBy(() -> JqProgram.compile(".body.action.x").first(EVENT))
        .isInstanceOf(JqException.class)
        .hasMessageContaining("Cannot index string with string \"x\"");
    assertThatThrownBy(() -> JqProgram.compile("nosuch(1)").first(EVENT))
        .hasMessageContaining("nosuch/1 does not exist");
    assertThatThrownBy(() -> JqProgram.compile("empty").first(EVENT)).hasMessageContaining("produced no output");
  }

  @Test
  void outputCountIsBounded() {
    JqProgram p = JqProgram.compile("range(10)");
    assertThat(p.apply(EVENT, 10)).hasSize(10);
    assertThatThrownBy(() -> p.apply(EVENT, 9)).hasMessageContaining("produced more than 9 outputs");
  }

  @Test
  void unboundedGeneratorsRunOutOfBudget() {
    assertThatThrownBy(() -> JqProgram.compile("[range(1e12)]").apply(EVENT, 1))
        .hasMessageContaining("exceeded its step budget");
    assertThatThrownBy(() -> JqProgram.compile("[try range(1e12) catch 0]").apply(EVENT, Map.of(), 1, 10_000))
        .hasMessageContaining("exceeded its step budget");
    assertThatThrownBy(() -> JqProgram.compile("reduce range(1e12) as $i (0; . + 1)")
        .apply(EVENT, Map.of(), 1, 10_000))
        .hasMessageContaining("exceeded its step budget");
  }

  @Test
  void runawayRecursionIsAnError() {
    assertThatThrownBy(() -> JqProgram.compile("def f: f; f").apply(EVENT, 1))
        .hasMessageContaining("recursed too deeply");
    assertThatThrownBy(() -> JqProgram.compile("[recurse(. + 1)] | length").apply(json("0"), 1))
        .isInstanceOf(JqException.class);
  }

  @Test
  void variablesAndReuse() {
    JqProgram p = JqProgram.compile(".n * $k");
    assertThat(p.apply(json("{\"n\":2}"), Map.of("k", json("5")), 1, 1000)).containsExactly(json("10"));
    assertThat(p.apply(json("{\"n\":3}"), Map.of("k", json("5")), 1, 1000)).containsExactly(json("15"));
    assertThat(JqProgram.compile(".[]").apply(json("[1,2,3]"), 5)).isEqualTo(List.of(json("1"), json("2"),
        json("3")));
  }

  @Test
  void noEnvironmentAccess() {
    assertThatThrownBy(() -> JqProgram.compile("$ENV").first(EVENT)).isInstanceOf(JqException.class);
    assertThatThrownBy(() -> JqProgram.compile("env").first(EVENT)).isInstanceOf(JqException.class);
    assertThatThrownBy(() -> JqProgram.compile("input").first(EVENT)).isInstanceOf(JqException.class);
    assertThatThrownBy(() -> JqProgram.compile("debug_scope").first(EVENT)).isInstanceOf(JqException.class);
  }

  @Test
  void transformNeedsAnObject() {
    assertThat(JqProgram.compile(".body | {a: .action}").transform(EVENT)).isEqualTo(json("{\"a\":\"opened\"}"));
    assertThatThrownBy(() -> JqProgram.compile(".body.n").transform(EVENT))
        .hasMessageContaining("must produce a JSON object for a transform, got number");
  }
}
