package io.quargo.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged fast-jar as {@code ./quargo server} does, with a child nats-server. */
class StandaloneJarIT {
  private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void servesTheApiOnAChildServerAndStopsItOnSigterm() throws Exception {
    int port = freePort();
    Process server = start(Map.of(), "-Dquarkus.http.port=" + port);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest version = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/version")).build();
      await().atMost(LIMIT).ignoreExceptions().untilAsserted(() ->
          assertThat(http.send(version, HttpResponse.BodyHandlers.ofString()).body()).contains("\"up\":true"));
      long childPid = Long.parseLong(Files.readString(dir.resolve("nats/nats-server.pid")).trim());
      assertThat(ProcessHandle.of(childPid).filter(ProcessHandle::isAlive)).isPresent();

      server.destroy(); // SIGTERM, as Ctrl-C or a service manager would stop it
      assertThat(server.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(ProcessHandle.of(childPid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(output()).contains("child nats-server pid " + childPid).doesNotContain("ERROR");
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void aMissingNatsServerIsOneLineOfAdviceAndExitCode1() throws Exception {
    Process server = start(Map.of("nats_server_path", "/no/such/nats-server"), "-Dquarkus.http.port=0");
    assertThat(server.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(server.exitValue()).isEqualTo(1);
    List<String> lines = Files.readAllLines(dir.resolve("out.log"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank()).toList();
    assertThat(lines).containsExactly("quargo: nats_server_path=/no/such/nats-server is not an executable file;"
        + " point it at a nats-server binary, or unset it and run bin/ensure-nats-server to install one,"
        + " or set NATS_URL to a NATS server with JetStream");
  }

  @Test
  void bindingBeyondLoopbackWithoutATokenRefusesToStart() throws Exception {
    Process server = start(Map.of(), "-Dquarkus.http.port=0", "-Dquarkus.http.host=0.0.0.0");
    assertThat(server.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(server.exitValue()).isEqualTo(1);
    assertThat(output()).contains("quargo: refusing to start: quarkus.http.host=0.0.0.0 is not a loopback address")
        .contains("QUARGO_SERVER_AUTH_TOKEN").doesNotContain("at io.quargo");
  }

  private Process start(Map<String, String> env, String... jvmArgs) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Dquargo.data-dir=" + dir));
    command.addAll(List.of(jvmArgs));
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
    // only this test's settings decide where the bus is
    builder.environment().keySet().removeIf(k -> k.equals("NATS_URL") || k.startsWith("QUARGO_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private String output() throws IOException {
    return Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
