package io.quargo.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsAndOrderTest {
  @Test
  void shortAndLongForms() {
    assertThat(Durations.shortForm(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(Durations.shortForm(Duration.ofSeconds(60))).isEqualTo("1m");
    assertThat(Durations.shortForm(Duration.ofSeconds(3725))).isEqualTo("1h2m");
    assertThat(Durations.shortForm(Duration.ofHours(50))).isEqualTo("2d2h");
    assertThat(Durations.shortForm(null)).isEmpty();
    assertThat(Durations.longForm(Duration.ZERO)).isEqualTo("0 seconds");
    assertThat(Durations.longForm(Duration.ofSeconds(61))).isEqualTo("1 minute 1 second");
    assertThat(Durations.longForm(Duration.ofHours(26))).isEqualTo("1 day 2 hours");
  }

  @Test
  void siblingNamesOrderByTheirIndexNumerically() {
    List<String> names = new ArrayList<>(List.of("wf[10]", "wf[2]", "wf[1]", "wf.t(10:x)", "wf.t(9:y)"));
    names.sort(NodeTree::compareNames);
    assertThat(names).containsExactly("wf.t(9:y)", "wf.t(10:x)", "wf[1]", "wf[2]", "wf[10]");
  }
}
