package io.quargo.cli;

import static io.quargo.cli.FakeArgoServer.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.cli.FakeArgoServer.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as ./quargo runs it: `java -jar target/quargo-cli-*-all.jar` in its own process,
 * against a recording HTTP server in this JVM. Proves the runnable jar, real exit codes and stderr.
 */
class CliJarIT extends ServerTestBase {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("quargo-cli-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no target/quargo-cli-*-all.jar: run ./mvnw verify -pl cli"));
    }
  }

  private Run run(String server, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile());
    pb.environment().put("ARGO_SERVER", server);
    Process p = pb.start();
    await().atMost(Duration.ofMinutes(2)).until(() -> !p.isAlive());
    return new Run(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void submitWaitInAProcessExitsByTheWorkflowsPhase() throws Exception {
    Path wf = dir.resolve("wf.yaml");
    Files.writeString(wf, "kind: Workflow\nmetadata: {generateName: steps-}\nspec: {entrypoint: main}\n");
    var running = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    server.on("POST /api/v1/workflows/default", json(running));
    server.on("GET /api/v1/workflows/default/steps-x7k2p", json(running));
    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(
        event("MODIFIED", Fixtures.workflow("steps-succeeded.json")))));
    Run ok = run(server.hostPort(), "submit", wf.toString(), "--wait", "-o", "name");
    assertThat(ok.err()).isEmpty();
    assertThat(ok.out()).isEqualTo("steps-x7k2p\nsteps-x7k2p Succeeded at 2026-11-21T10:00:20Z\n");
    assertThat(ok.code()).isZero();

    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(
        event("MODIFIED", Fixtures.withPhase(running, "Failed")))));
    assertThat(run(server.hostPort(), "submit", wf.toString(), "--wait", "-o", "name").code()).isEqualTo(1);
  }

  @Test
  void unreachableServerAndUsageErrorsInAProcess() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run down = run("127.0.0.1:" + port, "list");
    assertThat(down.code()).isEqualTo(1);
    assertThat(down.err()).isEqualTo("cannot reach the Quargo server at http://127.0.0.1:" + port
        + ": is `./quargo server` running?\n");
    Run usage = run(server.hostPort(), "retry");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).contains("Missing required parameter").doesNotContain("Exception");
  }

  @Test
  void theJarCarriesNoQuarkus() throws Exception {
    try (JarFile jar = new JarFile(jar().toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.quargo.cli.QuargoCli");
      assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/quarkus/"))).isEmpty();
      assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
    }
  }
}
