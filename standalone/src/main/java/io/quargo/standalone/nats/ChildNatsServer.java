package io.quargo.standalone.nats;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A nats-server with JetStream run as a child process of the standalone server, listening on loopback
 * only, with its store in a directory of ours. Its output goes to {@code nats-server.log} in that
 * directory; stop it with {@link #close()}.
 */
public final class ChildNatsServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ChildNatsServer.class);
  static final String HOST = "127.0.0.1";
  static final String PID_FILE = "nats-server.pid";
  static final String LOG_FILE = "nats-server.log";
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * @param binary the nats-server executable
   * @param storeDir JetStream store, pid file and log file
   * @param port client port on 127.0.0.1; 0 picks a free one
   * @param startTimeout how long to wait for it to accept connections
   */
  public record Settings(Path binary, Path storeDir, int port, Duration startTimeout) {}

  private final Process process;
  private final Path storeDir;
  private final int port;
  private final StoreDirLock lock;

  private ChildNatsServer(Process process, Path storeDir, int port, StoreDirLock lock) {
    this.process = process;
    this.storeDir = storeDir;
    this.port = port;
    this.lock = lock;
  }

  /** Starts the server and returns once it accepts connections; a one-line error if it cannot. */
  public static ChildNatsServer start(Settings settings) {
    Path binary = settings.binary();
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new ChildNatsServerException(binary + " is not an executable nats-server; " + NatsServerLocator.HINT);
    }
    Path storeDir = settings.storeDir().toAbsolutePath();
    createDirectories(storeDir);
    StoreDirLock lock = StoreDirLock.acquire(storeDir);
    try {
      LeftoverNatsServer.stopIfRunning(storeDir.resolve(PID_FILE), storeDir);
      int port = settings.port() == 0 ? freePort() : requireFree(settings.port());
      Process process = launch(binary, storeDir, port);
      ChildNatsServer server = new ChildNatsServer(process, storeDir, port, lock);
      server.awaitReady(settings.startTimeout());
      return server;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static Process launch(Path binary, Path storeDir, int port) {
    List<String> command = new ArrayList<>();
    // its own session, so a terminal's Ctrl-C reaches only the JVM, which then stops this child last
    SetSid.path().ifPresent(setsid -> command.add(setsid.toString()));
    command.addAll(List.of(binary.toString(), "-js", "-sd", storeDir.toString(),
        "-a", HOST, "-p", Integer.toString(port), "-P", storeDir.resolve(PID_FILE).toString()));
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(storeDir.resolve(LOG_FILE).toFile())
          .start();
    } catch (IOException e) {
      throw new ChildNatsServerException("cannot run " + binary + ": " + e.getMessage() + "; " + NatsServerLocator.HINT, e);
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!accepts()) {
      if (!process.isAlive()) {
        throw failed("exited with code " + process.exitValue());
      }
      if (System.nanoTime() - deadline > 0) {
        throw failed("did not accept connections within " + timeout.toSeconds() + "s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed("start was interrupted");
      }
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 250);
      return process.isAlive();
    } catch (IOException e) {
      return false;
    }
  }

  private ChildNatsServerException failed(String what) {
    stopProcess();
    return new ChildNatsServerException("nats-server on " + url() + " " + what + "; its last words: \""
        + NatsLog.lastLine(logFile()) + "\" (full log: " + logFile() + ")");
  }

  /** The client URL, e.g. {@code nats://127.0.0.1:4222}. */
  public String url() {
    return "nats://" + HOST + ":" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path storeDir() {
    return storeDir;
  }

  public Path logFile() {
    return storeDir.resolve(LOG_FILE);
  }

  /** Stops the server (SIGTERM, then SIGKILL after a grace period) and releases the store directory. */
  @Override
  public void close() {
    try {
      stopProcess();
    } finally {
      lock.close();
    }
  }

  private void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf("nats-server pid %d did not stop within %ds of SIGTERM; killing it", process.pid(), STOP_GRACE.toSeconds());
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ChildNatsServerException("cannot find a free port on " + HOST + ": " + e.getMessage(), e);
    }
  }

  // checked up front: with the port taken, readiness would be judged on someone else's server
  private static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      return port;
    } catch (IOException e) {
      throw new ChildNatsServerException("port " + port + " on " + HOST + " is in use; if a NATS server with JetStream"
          + " runs there, set NATS_URL=nats://" + HOST + ":" + port + " to use it, else set quargo.nats.port=0 for a free port");
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ChildNatsServerException("cannot create " + dir + ": " + e.getMessage() + "; set quargo.data-dir to a writable directory", e);
    }
  }
}
