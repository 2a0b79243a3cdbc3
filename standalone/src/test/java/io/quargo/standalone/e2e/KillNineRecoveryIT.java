package io.quargo.standalone.e2e;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's recovery: the packaged server is killed with SIGKILL mid-run and started again on the same data
 * directory. The workflow continues; the step that had finished is not run again; the step whose process died
 * with the engine ends in Error and its retryStrategy runs it again; the lost process itself is killed.
 */
class KillNineRecoveryIT {
  private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aWorkflowSurvivesKillNineOfTheServer(@TempDir Path dir) throws Exception {
    // no marker files: a clone may live under /tmp, which the local executor maps into each node's directory
    int port = freePort();
    Process server = start(dir, port);
    String name;
    String quickStarted;
    List<ProcessHandle> ghosts;
    try {
      String wf = """
          {"workflow": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
            "metadata": {"generateName": "k9-"},
            "spec": {"entrypoint": "main", "templates": [
              {"name": "main", "steps": [[{"name": "quick", "template": "quick"}], [{"name": "slow", "template": "slow"}]]},
              {"name": "quick", "container": {"image": "alpine", "command": ["echo", "quick"]}},
              {"name": "slow", "retryStrategy": {"limit": 2, "retryPolicy": "Always"},
               "container": {"image": "alpine", "command": ["sh", "-c",
                 "if [ {{retries}} -gt 0 ]; then echo second; else sleep 300; fi"]}}]}}}
          """;
      JsonNode created = call(port, "POST", "/api/v1/workflows/default", wf);
      name = created.path("metadata").path("name").asText();
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> node(call(port, "GET",
          "/api/v1/workflows/default/" + name, null).path("status").path("nodes"), "slow(0)").path("phase").asText()
          .equals("Running"));
      quickStarted = node(call(port, "GET", "/api/v1/workflows/default/" + name, null).path("status")
          .path("nodes"), "quick").path("startedAt").asText();
      // this server's own node processes (a machine-wide match would also take other runs' leftovers)
      ghosts = server.descendants().filter(p -> p.info().commandLine().orElse("").contains("sleep 300")).toList();
      server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
    } finally {
      server.destroyForcibly();
    }
    assertThat(ghosts).as("the slow step outlives the killed engine").isNotEmpty()
        .allMatch(ProcessHandle::isAlive);
    Process again = start(dir, port);
    try {
      await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
          call(port, "GET", "/api/v1/workflows/default/" + name, null).path("status").path("phase").asText()
              .equals("Succeeded"));
      JsonNode nodes = call(port, "GET", "/api/v1/workflows/default/" + name, null).path("status").path("nodes");
      assertThat(node(nodes, "quick").path("startedAt").asText()).as("the finished step is not run again")
          .isEqualTo(quickStarted);
      assertThat(node(nodes, "quick").path("phase").asText()).isEqualTo("Succeeded");
      assertThat(node(nodes, "slow(0)").path("phase").asText()).isEqualTo("Error");
      assertThat(node(nodes, "slow(0)").path("message").asText()).contains("ended with the engine");
      assertThat(node(nodes, "slow(1)").path("phase").asText()).isEqualTo("Succeeded");
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> ghosts.stream().noneMatch(ProcessHandle::isAlive));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("the lost node processes " + ghosts.stream().filter(ProcessHandle::isAlive)
            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList() + " still run; server log:\n"
            + Files.readString(dir.resolve("server.log")), e);
      }
    } finally {
      again.destroy();
      again.waitFor();
    }
  }

  private static JsonNode node(JsonNode nodes, String displayName) {
    for (JsonNode n : nodes) {
      if (n.path("displayName").asText().equals(displayName)) {
        return n;
      }
    }
    throw new AssertionError("no node " + displayName + " in " + nodes);
  }

  private Process start(Path dir, int port) throws Exception {
    assertThat(JAR).as("packaged server").exists();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dquarkus.http.port=" + port, "-Dquargo.data-dir=" + dir.resolve("data"), "-jar", JAR.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
        .start();
    await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
      assertThat(p.isAlive()).as(Files.readString(dir.resolve("server.log"))).isTrue();
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    });
    return p;
  }

  private JsonNode call(int port, String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
