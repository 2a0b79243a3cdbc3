package io.quargo.standalone.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsServerLocatorTest {
  @TempDir
  Path dir;

  @Test
  void explicitPathThatIsNotExecutableIsAnErrorNotAFallback() throws IOException {
    Path onPath = executable(dir.resolve("bin/nats-server"));
    NatsServerLocator locator = new NatsServerLocator(
        Map.of("nats_server_path", "/no/such/nats-server", "PATH", onPath.getParent().toString()), dir, List.of());

    assertThatThrownBy(locator::locate)
        .isInstanceOf(ChildNatsServerException.class)
        .hasMessageContaining("nats_server_path=/no/such/nats-server")
        .hasMessageContaining("bin/ensure-nats-server")
        .hasMessageContaining("NATS_URL");
  }

  @Test
  void noBinaryAnywhereSaysWhereItLookedAndWhatToDo() {
    NatsServerLocator locator = new NatsServerLocator(Map.of("PATH", dir.toString()), dir, List.of(dir.resolve("sbin/nats-server")));

    assertThatThrownBy(locator::locate)
        .isInstanceOf(ChildNatsServerException.class)
        .hasMessageContaining("no nats-server binary found")
        .hasMessageContaining(dir.resolve(".cache/quargo/nats-server/usr/sbin/nats-server").toString())
        .hasMessageContaining("run bin/ensure-nats-server")
        .hasMessageContaining("set NATS_URL");
  }

  @Test
  void searchOrderIsExplicitThenPathThenSystemThenUserCache() throws IOException {
    Path explicit = executable(dir.resolve("explicit/nats-server"));
    Path onPath = executable(dir.resolve("bin/nats-server"));
    Path system = executable(dir.resolve("sbin/nats-server"));
    Path cached = executable(dir.resolve(".cache/quargo/nats-server/usr/sbin/nats-server"));
    String path = dir.resolve("empty") + ":" + onPath.getParent();

    assertThat(locator(Map.of("nats_server_path", explicit.toString(), "PATH", path), system).locate()).isEqualTo(explicit);
    assertThat(locator(Map.of("PATH", path), system).locate()).isEqualTo(onPath);
    Files.delete(onPath);
    assertThat(locator(Map.of("PATH", path), system).locate()).isEqualTo(system);
    Files.delete(system);
    assertThat(locator(Map.of("PATH", path), system).locate()).isEqualTo(cached);
  }

  @Test
  void aFileThatIsNotExecutableIsSkipped() throws IOException {
    Path plain = dir.resolve("bin/nats-server");
    Files.createDirectories(plain.getParent());
    Files.writeString(plain, "not a program");

    assertThat(locator(Map.of("PATH", plain.getParent().toString()), dir.resolve("none")).find()).isEmpty();
  }

  private NatsServerLocator locator(Map<String, String> env, Path system) {
    return new NatsServerLocator(env, dir, List.of(system));
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
