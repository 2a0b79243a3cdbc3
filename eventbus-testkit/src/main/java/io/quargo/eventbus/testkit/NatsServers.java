package io.quargo.eventbus.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a NATS JetStream server for tests, in this order: {@code NATS_URL} if set; a Testcontainers
 * {@code nats} container when a Docker engine answers; a {@code nats-server} binary started on a free
 * port with its own data directory.
 */
public final class NatsServers {
  static final String IMAGE = "nats:2.10-alpine";
  private static NatsTestServer shared;

  private NatsServers() {}

  /** One server per JVM, shared by every test that does not need to stop it; closed at exit. */
  public static synchronized NatsTestServer shared() {
    if (shared == null) {
      String url = System.getenv("NATS_URL");
      if (url != null && !url.isBlank()) {
        shared = new ExternalNatsServer(url);
      } else {
        shared = dedicated();
        NatsTestServer server = shared;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "nats-test-server-stop"));
      }
    }
    return shared;
  }

  /**
   * A server of the caller's own, which it may stop and restart and must close. Ignores NATS_URL,
   * since an outside server cannot be restarted by a test.
   */
  public static NatsTestServer dedicated() {
    Optional<Path> binary = findBinary();
    if (binary.isPresent()) {
      return BinaryNatsServer.launch(binary.get(), List.of());
    }
    if (ContainerNatsServer.dockerAvailable()) {
      return ContainerNatsServer.launch();
    }
    throw new IllegalStateException(
        "No NATS server for tests: set NATS_URL to a JetStream-enabled server, start a Docker engine,"
            + " or install nats-server (bin/ensure-nats-server, or apt-get install -y nats-server)."
            + " Looked for the binary in: " + String.join(", ", candidates()));
  }

  /**
   * A private nats-server binary with extra server configuration lines (auth, TLS, limits). Needs the
   * binary: a container or NATS_URL cannot take the test's configuration. The caller closes it; when
   * the configuration needs auth or TLS, the caller also checks the server is up by connecting.
   */
  public static NatsTestServer dedicated(List<String> serverConfig) {
    Path binary = findBinary().orElseThrow(() -> new IllegalStateException(
        "this test configures its own nats-server and needs the binary: install nats-server"
            + " (bin/ensure-nats-server) or set nats_server_path. Looked in: " + String.join(", ", candidates())));
    return BinaryNatsServer.launch(binary, serverConfig);
  }

  /** The nats-server binary: $nats_server_path, then PATH, then where bin/ensure-nats-server puts it. */
  public static Optional<Path> findBinary() {
    return candidates().stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  private static List<String> candidates() {
    List<String> paths = new ArrayList<>();
    String explicit = System.getenv("nats_server_path");
    if (explicit != null && !explicit.isBlank()) {
      paths.add(explicit);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isBlank()) {
        paths.add(dir + "/nats-server");
      }
    }
    paths.add("/usr/sbin/nats-server");
    paths.add("/usr/local/bin/nats-server");
    paths.add(System.getProperty("user.home") + "/.cache/quargo/nats-server/usr/sbin/nats-server");
    return paths;
  }
}
