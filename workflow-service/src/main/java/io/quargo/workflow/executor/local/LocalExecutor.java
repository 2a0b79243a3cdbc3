package io.quargo.workflow.executor.local;

import io.quargo.workflow.artifacts.ArtifactRepository;
import io.quargo.workflow.artifacts.LocalDirArtifactRepository;
import io.quargo.workflow.executor.ExecutionListener;
import io.quargo.workflow.executor.ExecutionTask;
import io.quargo.workflow.executor.Executor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs leaf nodes as host processes (DESIGN §5, the local launcher), each in its own directory
 * {@code <root>/<namespace>/<nodeId>} with the container paths its template names mapped inside it. Output
 * artifacts go to an {@link ArtifactRepository} (by default a directory {@code <root>/.artifacts}) and input
 * artifacts come from it; logs are at {@code <nodeDir>/<container>.log}. See {@code docs/local-executor.md} and
 * {@code docs/artifacts.md}.
 */
public final class LocalExecutor implements Executor {
  /** The message a node killed by {@link #close()} ends with. */
  public static final String CLOSED_MESSAGE = "the local executor shut down while the node was running";

  /**
   * What every task of this executor shares: the root, the planner, and the pools. {@code work} runs the stream
   * readers and the end of each node (output collection), so the JDK's process reaper thread never copies files.
   */
  record Shared(Path root, LocalExecutorOptions options, LaunchPlanner planner, ProcessGroups groups,
      ExecutorService work,
      ScheduledExecutorService scheduler, Set<LocalTask> running, AtomicBoolean closed,
      ArtifactRepository artifacts) {

    void forget(LocalTask task) {
      running.remove(task);
      stopPoolsWhenIdle();
    }

    /** After close, the pools live until the last killed node reported, then stop. */
    void stopPoolsWhenIdle() {
      if (closed.get() && running.isEmpty()) {
        scheduler.shutdown();
        work.shutdown();
      }
    }
  }

  private final Shared shared;
  private final ExecutorService launchers;

  /**
   * @param root a directory this executor owns; created if missing
   */
  public LocalExecutor(Path root, LocalExecutorOptions options) {
    this(root, options, new LocalDirArtifactRepository(root.resolve(".artifacts")));
  }

  /**
   * @param root      a directory this executor owns; created if missing
   * @param artifacts where output artifacts are saved and input artifacts fetched from
   */
  public LocalExecutor(Path root, LocalExecutorOptions options, ArtifactRepository artifacts) {
    Path abs = root.toAbsolutePath().normalize();
    Path bin = abs.resolve(".bin");
    try {
      Files.createDirectories(abs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local executor's root " + abs, e);
    }
    Optional<Path> python = options.python3().or(() -> BuiltinTools.findPython3(options.hostPath()));
    BuiltinTools.install(bin, python);
    LaunchPlanner planner = new LaunchPlanner(options.images(), bin, options.hostPath());
    this.shared = new Shared(abs, options, planner, ProcessGroups.find(options.hostPath()), Executors.newCachedThreadPool(daemon("local-exec-work")),
        Executors.newSingleThreadScheduledExecutor(daemon("local-exec-timer")), ConcurrentHashMap.newKeySet(),
        new AtomicBoolean(), artifacts);
    this.launchers = Executors.newFixedThreadPool(options.launchThreads(), daemon("local-exec-launch"));
    // an engine killed with -9 leaves its node processes running; they are not ours to finish, but ghosts
    LeftoverProcesses.sweep(abs, shared.groups());
  }

  public LocalExecutor(Path root) {
    this(root, LocalExecutorOptions.defaults());
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public RunningTask start(ExecutionTask task, ExecutionListener listener) {
    LocalTask t = new LocalTask(task, listener, shared);
    shared.running().add(t);
    if (shared.closed().get()) {
      t.abort(CLOSED_MESSAGE);
      return t;
    }
    launchers.execute(t::launch);
    return t;
  }

  /**
   * A node's stored log, stdout and stderr interleaved as they came ({@code kubectl logs} for its main
   * container); empty when the node is unknown or printed nothing.
   */
  public Optional<String> readLog(String namespace, String nodeId) {
    return readLog(namespace, nodeId, "main");
  }

  /** The stored log of one container of a node (containerSet containers have their own). */
  public Optional<String> readLog(String namespace, String nodeId, String container) {
    Path file = NodeWorkspace.nodeDir(shared.root(), namespace, nodeId).resolve(container + ".log");
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log " + file, e);
    }
  }

  /** How many nodes are preparing or running now. */
  public int runningCount() {
    return shared.running().size();
  }

  @Override
  public void close() {
    shared.closed().set(true);
    for (LocalTask t : List.copyOf(shared.running())) {
      t.abort(CLOSED_MESSAGE);
    }
    // Queued launches find their node finished and return at once.
    launchers.shutdown();
    shared.stopPoolsWhenIdle();
  }
}
