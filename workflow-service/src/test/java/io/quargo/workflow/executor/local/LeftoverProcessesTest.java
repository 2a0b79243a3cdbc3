package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that died with -9 leaves node processes; the next executor on the same root kills them. */
class LeftoverProcessesTest {

  @Test
  void aRecordedLiveProcessIsKilledAndAReusedPidIsLeftAlone(@TempDir Path root) throws Exception {
    Path nodeDir = Files.createDirectories(root.resolve("default").resolve("wf-123"));
    Process ghost = new ProcessBuilder("sleep", "300").start();
    Process stranger = new ProcessBuilder("sleep", "300").start();
    try {
      LeftoverProcesses.record(nodeDir, "main", ghost);
      // a pid file whose start time does not match: the pid now belongs to someone else
      Files.writeString(nodeDir.resolve("wait.pid"), stranger.pid() + " 2001-01-01T00:00:00Z\n");
      int killed = LeftoverProcesses.sweep(root, ProcessGroups.find(System.getenv("PATH")));
      assertThat(killed).isEqualTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> !ghost.isAlive());
      assertThat(stranger.isAlive()).isTrue();
      assertThat(Files.list(nodeDir)).noneMatch(p -> p.toString().endsWith(".pid"));
    } finally {
      ghost.destroyForcibly();
      stranger.destroyForcibly();
    }
  }
}
