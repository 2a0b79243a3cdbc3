package io.quargo.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final String PHASE = "workflows.argoproj.io/phase";

  private static boolean matches(String selector, Map<String, String> labels) {
    return LabelSelector.parse(selector, "listOptions.labelSelector").matches(labels);
  }

  @Test
  void setBasedRequirements() {
    Map<String, String> running = Map.of(PHASE, "Running", "team", "a");
    assertThat(matches(PHASE + " in (Running,Pending)", running)).isTrue();
    assertThat(matches(PHASE + " in (Succeeded, Failed)", running)).isFalse();
    assertThat(matches(PHASE + " notin (Succeeded)", running)).isTrue();
    assertThat(matches(PHASE + " notin (Running)", running)).isFalse();
    assertThat(matches(PHASE + " in (Running),team=a", running)).isTrue();
    assertThat(matches(PHASE + " in (Running),team=b", running)).isFalse();
  }

  @Test
  void equalityAndExistence() {
    Map<String, String> labels = Map.of("team", "a");
    assertThat(matches("team=a", labels)).isTrue();
    assertThat(matches("team==a", labels)).isTrue();
    assertThat(matches("team!=a", labels)).isFalse();
    assertThat(matches("other!=a", labels)).isTrue();
    assertThat(matches("team", labels)).isTrue();
    assertThat(matches("!team", labels)).isFalse();
    assertThat(matches("!other", labels)).isTrue();
    assertThat(matches("", labels)).isTrue();
    assertThat(matches(null, labels)).isTrue();
  }

  @Test
  void badSelectorsSayHowToWriteThem() {
    assertThatThrownBy(() -> LabelSelector.parse("phase in Running", "listOptions.labelSelector"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("listOptions.labelSelector: cannot parse \"phase in Running\"")
        .hasMessageContaining("parentheses");
    assertThatThrownBy(() -> LabelSelector.parse("a b=c", "q")).hasMessageContaining("a label key");
  }
}
