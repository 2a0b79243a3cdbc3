package io.quargo.workflow.executor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts each node's process in its own session and process group ({@code setsid}), so that everything it
 * started, even a background child that outlived its parent and was re-parented, can be signalled at once
 * ({@code kill -- -<pgid>}), as a container's processes all die with it. Without both tools on the host, nodes run
 * in the executor's group and only live descendants are reached.
 */
final class ProcessGroups {
  private final Optional<Path> setsid;
  private final Optional<Path> kill;

  private ProcessGroups(Optional<Path> setsid, Optional<Path> kill) {
    this.setsid = setsid;
    this.kill = kill;
  }

  static ProcessGroups find(String hostPath) {
    Optional<Path> setsid = search("setsid", hostPath);
    Optional<Path> kill = search("kill", hostPath);
    return setsid.isPresent() && kill.isPresent() ? new ProcessGroups(setsid, kill) : none();
  }

  static ProcessGroups none() {
    return new ProcessGroups(Optional.empty(), Optional.empty());
  }

  boolean enabled() {
    return setsid.isPresent();
  }

  private static Optional<Path> search(String name, String hostPath) {
    for (String dir : hostPath.split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** argv run as the leader of a new session; {@code --wait} keeps the exit code should setsid have to fork. */
  List<String> wrap(List<String> argv) {
    if (setsid.isEmpty()) {
      return argv;
    }
    List<String> out = new ArrayList<>();
    out.add(setsid.get().toString());
    out.add("--wait");
    out.addAll(argv);
    return out;
  }

  /** Sends {@code signal} (TERM, KILL) to every process of the group led by {@code pid}; best effort. */
  void signal(long pid, String signal) {
    if (kill.isEmpty()) {
      return;
    }
    try {
      Process p = new ProcessBuilder(kill.get().toString(), "-s", signal, "--", "-" + pid)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
    } catch (IOException e) {
      // An empty group (ESRCH) or no fork available: the descendants were signalled directly as well.
    }
  }
}
