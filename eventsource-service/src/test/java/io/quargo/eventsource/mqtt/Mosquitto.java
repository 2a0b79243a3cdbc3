package io.quargo.eventsource.mqtt;

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
 * The MQTT broker an IT talks to: a private {@code mosquitto} child on a free port when the binary is installed,
 * else the one on 127.0.0.1:1883; when neither exists the IT fails saying so.
 */
public final class Mosquitto implements AutoCloseable {
  private final Process process;
  private final Path config;
  public final int port;

  private Mosquitto(Process process, Path config, int port) {
    this.process = process;
    this.config = config;
    this.port = port;
  }

  public static Mosquitto start() throws Exception {
    for (String binary : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto")) {
      if (Files.isExecutable(Path.of(binary))) {
        return startChild(binary);
      }
    }
    if (reachable(1883)) {
      return new Mosquitto(null, null, 1883);
    }
    return fail("this IT needs an MQTT broker: install mosquitto (apt-get install mosquitto) or run one on 127.0.0.1:1883");
  }

  /**
   * A private mosquitto whose one listener speaks TLS with {@code certs}' server certificate; with
   * {@code requireClientCertificate} it also demands a client certificate signed by their CA. There is no
   * fallback to a shared broker here: the binary is needed.
   */
  static Mosquitto startTls(TestCertificates certs, boolean requireClientCertificate) throws Exception {
    for (String binary : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto")) {
      if (Files.isExecutable(Path.of(binary))) {
        // as root mosquitto drops to user mosquitto, who cannot read the test's private temp dir
        String user = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
        return startChild(binary, "cafile " + certs.path("ca.pem") + "\ncertfile " + certs.path("server.pem")
            + "\nkeyfile " + certs.path("server.key") + "\nrequire_certificate " + requireClientCertificate + "\n" + user);
      }
    }
    return fail("this IT needs the mosquitto binary for a TLS listener: install mosquitto (apt-get install mosquitto)");
  }

  private static Mosquitto startChild(String binary) throws Exception {
    return startChild(binary, "");
  }

  /** {@code listenerOptions}: lines that follow the listener line, e.g. its TLS files. */
  private static Mosquitto startChild(String binary, String listenerOptions) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = Files.createTempFile("quargo-mosquitto", ".conf");
    Files.writeString(config, "listener " + port + " 127.0.0.1\n" + listenerOptions
        + "allow_anonymous true\npersistence false\n");
    Process process = new ProcessBuilder(binary, "-c", config.toString()).redirectErrorStream(true)
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
    return new Mosquitto(process, config, port);
  }

  private static boolean reachable(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(config);
    }
  }
}
