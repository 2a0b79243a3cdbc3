package io.quargo.eventbus.testkit;

import io.nats.NatsServerRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A local nats-server process with JetStream, on a free port, with a private store directory. */
final class BinaryNatsServer implements NatsTestServer {
  private final Path binary;
  private final Path storeDir;
  private final int port;
  private NatsServerRunner runner;

  private BinaryNatsServer(Path binary, Path storeDir, int port) {
    this.binary = binary;
    this.storeDir = storeDir;
    this.port = port;
  }

  static BinaryNatsServer launch(Path binary) {
    try {
      BinaryNatsServer server =
          new BinaryNatsServer(binary, Files.createTempDirectory("quargo-nats-"), freePort());
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
    try {
      runner = NatsServerRunner.builder()
          .executablePath(binary)
          .port(port)
          .jetstream(true)
          .output(new QuietOutput())
          .configInserts(List.of("jetstream {", "  store_dir: \"" + storeDir + "\"", "}"))
          .build();
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
