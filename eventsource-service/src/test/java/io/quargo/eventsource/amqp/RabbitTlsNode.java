package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.fail;

import io.quargo.eventbus.testkit.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private RabbitMQ node with only a TLS listener that demands a client certificate, started from the installed
 * {@code rabbitmq-server} in the foreground as a child of the test: its own node name, distribution port, data,
 * logs and Erlang cookie under a temp dir, so the machine's node on 5672 is untouched. Booting takes seconds to
 * tens of seconds; an IT starts one per class. Fails (not skips) when RabbitMQ is not installed.
 */
final class RabbitTlsNode implements AutoCloseable {
  private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
  private static final long BOOT_SECONDS = 120;

  private final Process process;
  private final Path home;
  final int port;

  private RabbitTlsNode(Process process, Path home, int port) {
    this.process = process;
    this.home = home;
    this.port = port;
  }

  static RabbitTlsNode start(TestCertificates certs) throws Exception {
    if (!Files.isExecutable(SERVER)) {
      return fail("this IT starts its own TLS RabbitMQ node from " + SERVER + "; install rabbitmq-server"
          + " (apt-get install rabbitmq-server, or run bin/ensure-brokers)");
    }
    int port = freePort();
    int distPort = freePort();
    Path home = Files.createTempDirectory("quargo-rabbit-tls");
    Files.writeString(home.resolve("rabbitmq.conf"), String.join("\n",
        "listeners.tcp = none",
        "listeners.ssl.default = 127.0.0.1:" + port,
        "ssl_options.cacertfile = " + certs.path("ca.pem"),
        "ssl_options.certfile = " + certs.path("server.pem"),
        "ssl_options.keyfile = " + certs.path("server.key"),
        "ssl_options.verify = verify_peer",
        "ssl_options.fail_if_no_peer_cert = true", ""));
    Files.writeString(home.resolve("rabbitmq-env.conf"), "");
    Files.writeString(home.resolve("enabled_plugins"), "[].\n");
    ProcessBuilder builder = new ProcessBuilder(SERVER.toString()).directory(home.toFile()).redirectErrorStream(true)
        .redirectOutput(home.resolve("console.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString()); // the Erlang cookie goes here, not into the user's home
    env.put("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString()); // not /etc/rabbitmq's
    env.put("RABBITMQ_NODENAME", "quargo-tls-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost");
    env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
    env.put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq.conf").toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
    env.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
    env.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
    env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
    Process process = builder.start();
    RabbitTlsNode node = new RabbitTlsNode(process, home, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
    while (!reachable(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String console = Files.readString(home.resolve("console.log"));
        node.close();
        return fail("the TLS RabbitMQ node did not listen on " + port + " within " + BOOT_SECONDS + "s"
            + (process.isAlive() ? "" : " (it exited)") + "; its console:\n" + console);
      }
      Thread.sleep(200);
    }
    return node;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean reachable(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGTERM to the start script stops the node; whatever it left behind is killed, then the temp dir removed. */
  @Override
  public void close() throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive() && !child.info().command().orElse("").endsWith("epmd")) {
        child.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
