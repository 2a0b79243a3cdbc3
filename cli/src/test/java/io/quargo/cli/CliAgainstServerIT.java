package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's acceptance: the real CLI jar against the real standalone server (its packaged jar, with its own
 * child nats-server): apply the demo, POST the webhooks, submit --wait, logs, get -o json, retry of a failed
 * workflow, stop and terminate, with their output and exit codes.
 */
class CliAgainstServerIT {
  @TempDir static Path dir;
  private static Process server;
  private static int apiPort;

  record Run(int code, String out, String err) {}

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeAll
  static void startServer() throws Exception {
    Path jar = Path.of("..", "standalone", "target", "quarkus-app", "quarkus-run.jar");
    assertThat(jar).as("the standalone server is built before the CLI (./mvnw verify builds both)").exists();
    apiPort = freePort();
    List<String> cmd = List.of(java(), "-Dquarkus.http.port=" + apiPort, "-Dquargo.data-dir=" + dir.resolve("data"),
        "-Dquargo.nats.port=0", "-jar", jar.toString());
    server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile())
        .start();
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
      assertThat(server.isAlive()).as("server died: " + Files.readString(dir.resolve("server.log"))).isTrue();
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/q/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    });
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.destroy();
      server.waitFor();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path cliJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("quargo-cli-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no target/quargo-cli-*-all.jar"));
    }
  }

  private static Run cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", cliJar().toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("ARGO_SERVER", "127.0.0.1:" + apiPort);
    Process p = pb.start();
    if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("quargo " + String.join(" ", args) + " did not end");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
        StandardCharsets.UTF_8));
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void theDemoLoopRunsFromWebhookToWorkflow() throws Exception {
    int hookPort = freePort();
    Path demo = Files.createDirectories(dir.resolve("demo"));
    for (Path f : Files.list(Path.of("..", "examples", "demo")).toList()) {
      Files.writeString(demo.resolve(f.getFileName()), Files.readString(f).replace("\"12000\"", "\"" + hookPort
          + "\""));
    }
    Run apply = cli("apply", "-f", demo.toString());
    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("eventsource.argoproj.io/demo-hooks created", "sensor.argoproj.io/demo-greeter");
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
        post(http, hookPort, "/greeting", "{\"text\": \"hello\"}") == 200);
    assertThat(post(http, hookPort, "/who", "{\"text\": \"quargo\"}")).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> cli("list", "-l",
        "workflows.argoproj.io/phase=Succeeded").out().contains("greet-"));
    Run logs = cli("logs", "@latest");
    assertThat(logs.code()).isZero();
    assertThat(logs.out()).contains("HELLO, QUARGO!");
  }

  @Test
  void submitWaitLogsGetRetryStopAndTerminate() throws Exception {
    Path hello = write("hello.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: hello-}
        spec:
          entrypoint: main
          templates:
          - name: main
            container: {image: alpine, command: [echo, "hi from the cli test"]}
        """);
    Run ok = cli("submit", hello.toString(), "--wait", "-o", "name");
    assertThat(ok.code()).as(ok.err()).isZero();
    String name = ok.out().lines().filter(l -> l.startsWith("hello-")).findFirst().orElseThrow().split(" ")[0];
    assertThat(cli("logs", name).out()).contains("hi from the cli test");
    JsonNode json = Json.parse(cli("get", name, "-o", "json").out().getBytes(StandardCharsets.UTF_8));
    assertThat(json.path("status").path("phase").asText()).isEqualTo("Succeeded");
    assertThat(json.path("status").path("nodes").path(name).path("type").asText()).isEqualTo("Pod");

    // outside /tmp (where a clone may well live): the local executor maps /tmp into each node's directory
    Path marker = Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache", "quargo-tests"))
        .resolve("retry-marker-" + System.nanoTime());
    marker.toFile().deleteOnExit();
    Path flaky = write("flaky.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: flaky-}
        spec:
          entrypoint: main
          templates:
          - name: main
            container: {image: alpine, command: [sh, -c, "test -f %s || exit 3"]}
        """.formatted(marker));
    Run failed = cli("submit", flaky.toString(), "--wait", "-o", "name");
    assertThat(failed.code()).isEqualTo(1);
    String flakyName = failed.out().lines().filter(l -> l.startsWith("flaky-")).findFirst().orElseThrow()
        .split(" ")[0];
    Files.writeString(marker, "now it passes");
    Run retried = cli("retry", flakyName, "--wait");
    assertThat(retried.code()).as(retried.out() + retried.err()).isZero();

    Path sleepy = write("sleepy.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: sleepy-}
        spec:
          entrypoint: main
          onExit: bye
          templates:
          - name: main
            container: {image: alpine, command: [sleep, "120"]}
          - name: bye
            container: {image: alpine, command: [echo, bye]}
        """);
    for (String action : List.of("stop", "terminate")) {
      Run submitted = cli("submit", sleepy.toString(), "-o", "name");
      String wf = submitted.out().trim();
      await().atMost(Duration.ofSeconds(30)).until(() -> cli("get", wf).out().contains("Running"));
      assertThat(cli(action, wf).code()).isZero();
      Run waited = cli("wait", wf);
      assertThat(waited.code()).isEqualTo(1);
      JsonNode after = Json.parse(cli("get", wf, "-o", "json").out().getBytes(StandardCharsets.UTF_8));
      assertThat(after.path("status").path("message").asText())
          .isEqualTo("Stopped with strategy '" + (action.equals("stop") ? "Stop" : "Terminate") + "'");
      assertThat(after.path("status").path("nodes").has(wf.trim()))
          .isTrue();
      boolean exitRan = after.path("status").path("nodes").toString().contains(wf + ".onExit");
      assertThat(exitRan).as(action + " runs the exit handler: " + action.equals("stop"))
          .isEqualTo(action.equals("stop"));
    }
  }

  private static int post(HttpClient http, int port, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
