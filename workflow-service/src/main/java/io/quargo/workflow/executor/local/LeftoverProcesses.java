package io.quargo.workflow.executor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The processes an engine started and then lost (kill -9 of the engine: node processes run on in their own
 * process groups). Each running container leaves {@code <nodeDir>/<container>.pid} with its pid and start
 * time; an executor opening the same root kills the groups whose leader is still that process (the start time
 * guards against a reused pid), so a restarted engine does not race a ghost for the node's files.
 */
final class LeftoverProcesses {
  private static final Logger LOG = Logger.getLogger(LeftoverProcesses.class);

  private LeftoverProcesses() {}

  static void record(Path nodeDir, String container, Process process) {
    Optional<Instant> start = process.toHandle().info().startInstant();
    try {
      Files.writeString(nodeDir.resolve(container + ".pid"),
          process.pid() + " " + start.map(Instant::toString).orElse("-") + "\n");
    } catch (IOException e) {
      LOG.debugf("cannot record pid of %s: %s", nodeDir, e.getMessage());
    }
  }

  static void forget(Path nodeDir, String container) {
    try {
      Files.deleteIfExists(nodeDir.resolve(container + ".pid"));
    } catch (IOException e) {
      LOG.debugf("cannot remove pid file in %s: %s", nodeDir, e.getMessage());
    }
  }

  /** Kills what earlier executors on {@code root} left running; returns how many groups were killed. */
  static int sweep(Path root, ProcessGroups groups) {
    int killed = 0;
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.find(root, 3, (p, a) -> a.isRegularFile() && p.toString().endsWith(".pid"))) {
      for (Path pidFile : files.toList()) {
        if (killIfSame(pidFile, groups)) {
          killed++;
        }
        Files.deleteIfExists(pidFile);
      }
    } catch (IOException e) {
      LOG.warnf("cannot look for leftover node processes under %s: %s", root, e.getMessage());
    }
    return killed;
  }

  private static boolean killIfSame(Path pidFile, ProcessGroups groups) throws IOException {
    String[] parts = Files.readString(pidFile).trim().split(" ");
    long pid;
    try {
      pid = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    String recorded = parts.length > 1 ? parts[1] : "-";
    String actual = handle.get().info().startInstant().map(Instant::toString).orElse("-");
    if (!recorded.equals(actual)) {
      return false; // the pid was reused by an unrelated process
    }
    handle.get().descendants().forEach(ProcessHandle::destroyForcibly);
    handle.get().destroyForcibly();
    groups.signal(pid, "KILL");
    LOG.infof("killed node process %d left by an earlier engine (%s)", pid, pidFile.getParent());
    return true;
  }
}
