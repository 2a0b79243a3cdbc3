package io.quargo.eventsource.redis;

import static org.assertj.core.api.Assertions.fail;

import io.quargo.eventbus.testkit.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Redis an IT talks to (shared with the service package's lease IT): a private {@code redis-server} child on a free port without persistence when the
 * binary is installed, else the one on 127.0.0.1:6379; when neither exists the IT fails saying so.
 */
public final class RedisServerProcess implements AutoCloseable {
  private final Process process;
  final int port;

  private RedisServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** A client connection for the test's own commands. */
  public RespConnection connect() throws IOException {
    return RespConnection.open(new RedisEndpoint("127.0.0.1", port, 0, null, null), java.time.Duration.ofSeconds(10));
  }

  public static RedisServerProcess start() throws Exception {
    for (String binary : List.of("/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server")) {
      if (Files.isExecutable(Path.of(binary))) {
        return startChild(binary);
      }
    }
    if (reachable(6379)) {
      return new RedisServerProcess(null, 6379);
    }
    return fail("this IT needs Redis: install redis-server (apt-get install redis-server) or run one on 127.0.0.1:6379");
  }

  /**
   * A private redis-server that speaks only TLS, presenting {@code certFile}/{@code keyFile} of {@code certs}
   * (e.g. {@code server.pem}); with {@code requireClientCertificate} clients must show one signed by their CA.
   * Needs a redis-server built with TLS (Debian's is).
   */
  public static RedisServerProcess startTls(TestCertificates certs, String certFile, String keyFile,
      boolean requireClientCertificate) throws Exception {
    for (String binary : List.of("/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server")) {
      if (Files.isExecutable(Path.of(binary))) {
        return startChild(binary, "--port", "0", "--tls-port", "%d", "--tls-cert-file", certs.path(certFile),
            "--tls-key-file", certs.path(keyFile), "--tls-ca-cert-file", certs.path("ca.pem"), "--tls-auth-clients",
            requireClientCertificate ? "yes" : "no");
      }
    }
    return fail("this IT needs the redis-server binary for a TLS port: install redis-server (apt-get install redis-server)");
  }

  private static RedisServerProcess startChild(String binary) throws Exception {
    return startChild(binary, "--port", "%d");
  }

  /** {@code portArgs}: the listening arguments, {@code %d} standing for the free port chosen here. */
  private static RedisServerProcess startChild(String binary, String... portArgs) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new java.util.ArrayList<>(List.of(binary));
    for (String arg : portArgs) {
      command.add(arg.equals("%d") ? Integer.toString(port) : arg);
    }
    command.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int i = 0; i < 100 && !reachable(port); i++) {
      if (!process.isAlive()) {
        return fail(binary + " exited with " + process.exitValue() + " before listening on " + port);
      }
      Thread.sleep(50);
    }
    if (!reachable(port)) {
      process.destroyForcibly();
      return fail(binary + " did not listen on port " + port);
    }
    return new RedisServerProcess(process, port);
  }

  private static boolean reachable(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  public String hostAddress() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
