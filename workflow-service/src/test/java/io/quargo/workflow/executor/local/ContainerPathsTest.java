package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerPathsTest {
  private final ContainerPaths paths = ContainerPaths.of(Path.of("/n/fs"), List.of("/output", "/mnt/vol/", "/"));

  @Test
  void tmpIsAlwaysMappedAndRootIsNeverRewritten() {
    assertThat(paths.prefixes()).containsExactlyInAnyOrder("/tmp", "/output", "/mnt/vol");
    assertThat(paths.rewrite("ls / /etc")).isEqualTo("ls / /etc");
  }

  @Test
  void rewritesWholeComponentsWhereverTheyAppear() {
    assertThat(paths.rewrite("echo -n hi > /tmp/hello_world.txt")).isEqualTo("echo -n hi > /n/fs/tmp/hello_world.txt");
    assertThat(paths.rewrite("/tmp")).isEqualTo("/n/fs/tmp");
    assertThat(paths.rewrite("cat '/tmp/a' \"/output\";cd /mnt/vol/x")).isEqualTo(
        "cat '/n/fs/tmp/a' \"/n/fs/output\";cd /n/fs/mnt/vol/x");
    assertThat(paths.rewrite("OUT=/output:/tmp")).isEqualTo("OUT=/n/fs/output:/n/fs/tmp");
  }

  @Test
  void leavesOtherPathsThatMerelyContainAPrefix() {
    assertThat(paths.rewrite("/tmpfoo /var/tmp /tmp.txt /outputs http://h/tmp/x $HOME/tmp /mnt/volume"))
        .isEqualTo("/tmpfoo /var/tmp /tmp.txt /outputs http://h/tmp/x $HOME/tmp /mnt/volume");
  }

  @Test
  void aRewrittenPathIsNotRewrittenAgain() {
    ContainerPaths nested = ContainerPaths.of(Path.of("/tmp/root/fs"), List.of());
    assertThat(nested.rewrite("/tmp/x")).isEqualTo("/tmp/root/fs/tmp/x");
  }

  @Test
  void hostPathPutsAnyAbsolutePathUnderTheRoot() {
    assertThat(paths.hostPath("/tmp/../etc/x")).isEqualTo(Path.of("/n/fs/etc/x"));
    assertThat(paths.hostPath("/")).isEqualTo(Path.of("/n/fs"));
    assertThatThrownBy(() -> paths.hostPath("relative")).isInstanceOf(IllegalArgumentException.class);
  }
}
