package io.quargo.standalone.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real nats-server binary (bin/ensure-nats-server installs it). */
class ChildNatsServerIT {
  private static final Path BINARY = NatsServerLocator.fromEnvironment().locate();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void startsWithJetStreamAndStopsLeavingNoProcess() {
    ChildNatsServer server = ChildNatsServer.start(settings(BINARY));
    try (BusConnection bus = BusConnection.connect(BusConfig.of(server.url()))) {
      assertThat(bus.health().up()).isTrue();
      assertThat(Files.readString(server.storeDir().resolve(ChildNatsServer.PID_FILE)).trim())
          .isEqualTo(Long.toString(server.pid()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    long pid = server.pid();
    server.close();

    assertThat(server.isAlive()).isFalse();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(accepts(server.url())).isFalse();
  }

  @Test
  void keepsStateAcrossRestartsOnTheSameStoreDir() throws Exception {
    try (ChildNatsServer server = ChildNatsServer.start(settings(BINARY));
        BusConnection bus = BusConnection.connect(BusConfig.of(server.url()))) {
      bus.nats().keyValueManagement().create(KeyValueConfiguration.builder().name("state").storageType(StorageType.File).build());
      bus.nats().keyValue("state").put("k", "kept");
    }
    try (ChildNatsServer server = ChildNatsServer.start(settings(BINARY));
        BusConnection bus = BusConnection.connect(BusConfig.of(server.url()))) {
      KeyValue kv = bus.nats().keyValue("state");
      assertThat(kv.get("k").getValueAsString()).isEqualTo("kept");
    }
  }

  @Test
  void aSecondServerOnTheSameStoreDirIsRefused() {
    try (ChildNatsServer first = ChildNatsServer.start(settings(BINARY))) {
      assertThatThrownBy(() -> ChildNatsServer.start(settings(BINARY)))
          .isInstanceOf(ChildNatsServerException.class)
          .hasMessageContaining("in use by another quargo server")
          .hasMessageContaining("quargo.data-dir");
      assertThat(first.isAlive()).isTrue();
    }
  }

  @Test
  void aBogusBinaryIsAClearError() {
    assertThatThrownBy(() -> ChildNatsServer.start(settings(dir.resolve("no-such-nats-server"))))
        .isInstanceOf(ChildNatsServerException.class)
        .hasMessageContaining("no-such-nats-server is not an executable nats-server")
        .hasMessageContaining("bin/ensure-nats-server")
        .hasMessageContaining("NATS_URL");
  }

  @Test
  void aServerThatExitsAtOnceIsReportedWithItsLastLogLine() throws IOException {
    Path fake = dir.resolve("fake/nats-server");
    Files.createDirectories(fake.getParent());
    Files.writeString(fake, "#!/bin/sh\necho 'starting'\necho 'nats-server: bad flag' >&2\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> ChildNatsServer.start(settings(fake)))
        .isInstanceOf(ChildNatsServerException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("nats-server: bad flag");
  }

  @Test
  void aTakenPortIsAClearErrorNamingNatsUrl() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      ChildNatsServer.Settings settings = new ChildNatsServer.Settings(BINARY, dir.resolve("nats"), taken.getLocalPort(), START_TIMEOUT);
      assertThatThrownBy(() -> ChildNatsServer.start(settings))
          .isInstanceOf(ChildNatsServerException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
          .hasMessageContaining("NATS_URL=nats://127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void stopsALeftoverServerOfAKilledRunBeforeStarting() throws Exception {
    Path storeDir = dir.resolve("nats");
    Files.createDirectories(storeDir);
    Process leftover = new ProcessBuilder(BINARY.toString(), "-js", "-sd", storeDir.toString(), "-a", "127.0.0.1",
        "-p", Integer.toString(freePort()), "-P", storeDir.resolve(ChildNatsServer.PID_FILE).toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("leftover.log").toFile()).start();
    try {
      await().atMost(START_TIMEOUT).until(() -> Files.exists(storeDir.resolve(ChildNatsServer.PID_FILE)));

      try (ChildNatsServer server = ChildNatsServer.start(settings(BINARY))) {
        assertThat(leftover.isAlive()).isFalse();
        assertThat(server.isAlive()).isTrue();
      }
    } finally {
      leftover.destroyForcibly();
    }
  }

  private ChildNatsServer.Settings settings(Path binary) {
    return new ChildNatsServer.Settings(binary, dir.resolve("nats"), 0, START_TIMEOUT);
  }

  private static boolean accepts(String url) {
    int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
