package io.quargo.workflow.executor.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The local executor's knobs.
 *
 * @param images         what images run when a template sets no command
 * @param python3        the host's Python 3 that {@code python}/{@code python3} run; empty to search PATH
 * @param hostPath       the host PATH appended after the built-in tools
 * @param killGrace      SIGTERM to SIGKILL, as a pod's {@code terminationGracePeriodSeconds} (Kubernetes: 30s)
 * @param drainGrace     how long output may keep arriving after the process exited (background children)
 * @param launchThreads  threads preparing node directories and starting processes (not held while running)
 * @param keepNodeFiles  keep {@code <nodeDir>/fs} after the node ended (logs and artifacts are always kept)
 */
public record LocalExecutorOptions(
    ImageMap images,
    Optional<Path> python3,
    String hostPath,
    Duration killGrace,
    Duration drainGrace,
    int launchThreads,
    boolean keepNodeFiles) {

  public LocalExecutorOptions {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(python3, "python3");
    Objects.requireNonNull(hostPath, "hostPath");
    if (launchThreads < 1) {
      throw new IllegalArgumentException("launchThreads must be at least 1, got " + launchThreads);
    }
  }

  /** The shipped image map, the executor's own PATH, 10s kill grace, 2s drain, 2 launch threads. */
  public static LocalExecutorOptions defaults() {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    return new LocalExecutorOptions(ImageMap.builtIn(), Optional.empty(), path, Duration.ofSeconds(10),
        Duration.ofSeconds(2), 2, false);
  }

  public LocalExecutorOptions withKillGrace(Duration grace) {
    return new LocalExecutorOptions(images, python3, hostPath, grace, drainGrace, launchThreads, keepNodeFiles);
  }

  public LocalExecutorOptions withKeepNodeFiles(boolean keep) {
    return new LocalExecutorOptions(images, python3, hostPath, killGrace, drainGrace, launchThreads, keep);
  }

  public LocalExecutorOptions withImages(ImageMap map) {
    return new LocalExecutorOptions(map, python3, hostPath, killGrace, drainGrace, launchThreads, keepNodeFiles);
  }
}
