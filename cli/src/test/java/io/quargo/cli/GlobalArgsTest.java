package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobalArgsTest {
  @Test
  void globalFlagsBeforeTheVerbMoveAfterIt() {
    assertThat(GlobalArgs.reorder(new String[] {"-n", "team", "--secure", "list", "--running"}))
        .containsExactly("list", "-n", "team", "--secure", "--running");
    assertThat(GlobalArgs.reorder(new String[] {"--namespace=team", "cron", "list", "-o", "name"}))
        .containsExactly("cron", "list", "--namespace=team", "-o", "name");
    assertThat(GlobalArgs.reorder(new String[] {"list", "-n", "x"})).containsExactly("list", "-n", "x");
    assertThat(GlobalArgs.reorder(new String[] {"-n", "x"})).containsExactly("-n", "x");
  }
}
