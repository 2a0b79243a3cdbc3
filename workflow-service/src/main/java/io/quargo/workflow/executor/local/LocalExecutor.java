package io.quargo.workflow.executor.local;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs leaf nodes as host processes (DESIGN §5, the local launcher), each in its own directory
 * {@code <root>/<namespace>/<nodeId>} with the container paths its template names mapped inside it. Output
 * artifacts are kept under {@code <root>/.artifacts/<namespace>/<nodeId>/<name>}, logs at
 * {@code <nodeDir>/<container>.log}. See {@code docs/local-executor.md}.
 */
public final class LocalExecutor implements Executor {
  /** The message a node killed by {@link #close()} ends with. */
  public static final String CLOSED_MESSAGE = "the local executor shut down while the node was running";

  /** What every task of this executor shares: pools, the planner, the root. */
  record Shared(Path root, LocalExecutorOptions options, LaunchPlanner planner, ExecutorService readers,
      ScheduledExecutorService scheduler, Set<LocalTask> running) {
    Path artifactDir(String namespace, String nodeId) {
      return root.resolve(".artifacts").resolve(namespace).resolve(nodeId);
    }

    void forget(LocalTask task) {
      running.remove(task);
    }
  }

  private final Shared shared;
  private final ExecutorService launchers;
  private volatile boolean closed;

  /**
   * @param root a directory this executor owns; created if missing
   */
  public LocalExecutor(Path root, LocalExecutorOptions options) {
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
    this.shared = new Shared(abs, options, planner, Executors.newCachedThreadPool(daemon("local-exec-output")),
        Executors.newSingleThreadScheduledExecutor(daemon("local-exec-timer")), ConcurrentHashMap.newKeySet());
    this.launchers = Executors.newFixedThreadPool(options.launchThreads(), daemon("local-exec-launch"));
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
    if (closed) {
      t.abort(CLOSED_MESSAGE);
      return t;
    }
    shared.running().add(t);
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
    closed = true;
    for (LocalTask t : List.copyOf(shared.running())) {
      t.abort(CLOSED_MESSAGE);
    }
    launchers.shutdownNow();
    // Kills were sent; the timer and readers stay until the trees are gone, then they idle out as daemons.
    shared.scheduler().shutdown();
    shared.readers().shutdown();
  }
}
