package io.quargo.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.cli.api.CliException;
import io.quargo.core.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitOptionsTest {
  private static SubmitOptions params(String... p) {
    return new SubmitOptions(List.of(p), null, null, null, null, null, null, false);
  }

  @Test
  void valueMayContainEqualsButNameMayNotBeEmpty() {
    assertThat(SubmitOptions.parse(List.of("a=b=c", "e="))).isEqualTo(Map.of("a", "b=c", "e", ""));
    assertThatThrownBy(() -> SubmitOptions.parse(List.of("=x"))).isInstanceOf(CliException.class)
        .hasMessageContaining("NAME=VALUE");
  }

  @Test
  void applyLeavesTheInputUntouchedAndCreatesArgumentsWhenAbsent() {
    ObjectNode wf = Json.object();
    wf.putObject("spec").put("entrypoint", "main");
    ObjectNode out = params("x=1").applyTo(wf);
    assertThat(wf.path("spec").has("arguments")).isFalse();
    assertThat(Json.string(out.path("spec").path("arguments"))).isEqualTo("{\"parameters\":[{\"name\":\"x\",\"value\":\"1\"}]}");
  }

  @Test
  void serviceAccountPriorityAndNameAreApplied() {
    ObjectNode out = new SubmitOptions(List.of(), null, null, "fixed", "a=b,c=d", "robot", 5, false).applyTo(Json.object());
    assertThat(out.path("metadata").path("name").asText()).isEqualTo("fixed");
    assertThat(out.path("metadata").path("labels").size()).isEqualTo(2);
    assertThat(out.path("spec").path("serviceAccountName").asText()).isEqualTo("robot");
    assertThat(out.path("spec").path("priority").asInt()).isEqualTo(5);
  }

  @Test
  void badLabelsAreAUsageError() {
    assertThatThrownBy(() -> SubmitOptions.parseLabels("a=b,oops")).isInstanceOf(CliException.class)
        .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void mergeKeepsFileValuesNotOverriddenByFlags() {
    assertThat(SubmitOptions.merge(Map.of("a", "1"), List.of("b=2"))).containsExactly("a=1", "b=2");
    assertThat(SubmitOptions.merge(Map.of("a", "1"), List.of("a=2"))).containsExactly("a=2");
  }
}
