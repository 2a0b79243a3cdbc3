package io.quargo.eventbus.testkit;

import io.nats.NatsServerRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A local nats-server process with JetStream, on a free port, with a private store directory. */
final class BinaryNatsServer implements NatsTestServer {
  private final Path binary;
  private final Path storeDir;
  private final int port;
  private final List<String> extraConfig;
  private NatsServerRunner runner;

  private BinaryNatsServer(Path binary, Path storeDir, int port, List<String> extraConfig) {
    this.binary = binary;
    this.storeDir = storeDir;
    this.port = port;
    this.extraConfig = List.copyOf(extraConfig);
  }

  static BinaryNatsServer launch(Path binary, List<String> extraConfig) {
    try {
      BinaryNatsServer server = new BinaryNatsServer(
          binary, Files.createTempDirectory("quargo-nats-"), freePort(), extraConfig);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  @Override
  public String origin() {
    return binary.toString();
  }

  @Override
  public boolean restartable() {
    return true;
  }

  @Override
  public synchronized void start() {
    if (runner != null) {
      return;
    }
    List<String> config = new ArrayList<>(List.of("jetstream {", "  store_dir: \"" + storeDir + "\"", "}"));
    config.addAll(extraConfig);
    NatsServerRunner.Builder builder = NatsServerRunner.builder()
        .executablePath(binary)
        .port(port)
        .jetstream(true)
        .output(new QuietOutput())
        .configInserts(config);
    if (!extraConfig.isEmpty()) {
      // auth or TLS in the extra config would fail the runner's plain connect check
      builder.skipConnectValidate();
    }
    try {
      runner = builder.build();
      if (!extraConfig.isEmpty()) {
        awaitPort();
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + binary + " on port " + port + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void stop() {
    if (runner == null) {
      return;
    }
    try {
      runner.shutdown(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      runner = null;
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(storeDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  /** Waits until the server accepts TCP connections (what the skipped connect check would do). */
  private void awaitPort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for nats-server on port " + port, e);
        }
      }
    }
    throw new IOException("nats-server did not accept connections on port " + port + " within 10 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
