package io.quargo.cli.command;

import static io.quargo.cli.FakeArgoServer.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.cli.CliRun;
import io.quargo.cli.FakeArgoServer.Answer;
import io.quargo.cli.Fixtures;
import io.quargo.cli.ServerTestBase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetLogsWatchTest extends ServerTestBase {
  private static final String ITEM = "/api/v1/workflows/default/steps-x7k2p";

  @Test
  void getPrintsTheTreeOrTheObject() {
    server.on("GET " + ITEM, json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result tree = cli.run("get", "steps-x7k2p");
    assertThat(tree.code()).isZero();
    assertThat(tree.out()).contains("Status:              Succeeded").contains(" ├───✔ hello1");
    assertThat(cli.run("get", "steps-x7k2p", "-o", "json").out()).startsWith("{\n").contains("\"phase\" : \"Succeeded\"");
    assertThat(cli.run("get", "steps-x7k2p", "-o", "yaml").out()).contains("phase: Succeeded").doesNotStartWith("---");
    assertThat(cli.run("get", "workflow", "steps-x7k2p", "-o", "name").out()).isEqualTo("steps-x7k2p\n");
  }

  @Test
  void getFiltersNodesByStatusAndFieldSelector() {
    server.on("GET /api/v1/workflows/default/dag-diamond-q9r4t", json(Fixtures.workflow("dag-failed.json")));
    String failed = cli.run("get", "dag-diamond-q9r4t", "--status", "Failed").out();
    String tree = failed.substring(failed.indexOf("STEP"));
    assertThat(tree.lines().skip(1).map(l -> l.split("\\s{3,}")[0].strip()).toList())
        .containsExactly("✖ dag-diamond-q9r4t", "├─✖ C", "│ ├─✖ C(0)", "│ └─✖ C(1)");
    String one = cli.run("get", "dag-diamond-q9r4t", "--node-field-selector", "displayName=C(1),templateName=flaky").out();
    assertThat(one.substring(one.indexOf("STEP")).lines().skip(1).map(l -> l.split("\\s{3,}")[0].strip()).toList())
        .containsExactly("✖ C(1)");
    CliRun.Result bad = cli.run("get", "dag-diamond-q9r4t", "--node-field-selector", "oops");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("invalid --node-field-selector term 'oops'");
  }

  @Test
  void getAMissingWorkflowSaysSo() {
    CliRun.Result r = cli.run("get", "nope");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("GET /api/v1/workflows/default/nope failed (HTTP 404): not found: GET"
        + " /api/v1/workflows/default/nope\n");
  }

  @Test
  void logsStreamEveryPodWithItsName() {
    server.on("GET " + ITEM + "/log", Answer.stream(List.of(
        "{\"result\":{\"content\":\"hello\",\"podName\":\"steps-x7k2p-whalesay-1\"}}",
        "",
        "{\"result\":{\"content\":\"world\",\"podName\":\"steps-x7k2p-whalesay-2\"}}")));
    CliRun.Result r = cli.run("logs", "steps-x7k2p", "--follow");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("steps-x7k2p-whalesay-1: hello\nsteps-x7k2p-whalesay-2: world\n");
    assertThat(URLDecoder.decode(server.the("GET", ITEM + "/log").query(), StandardCharsets.UTF_8))
        .isEqualTo("logOptions.container=main&logOptions.follow=true");
  }

  @Test
  void logsOfOnePodAndContainerReadServerSentEvents() {
    server.on("GET " + ITEM + "/log", Answer.stream(List.of(
        "data: {\"result\":{\"content\":\"a b\",\"podName\":\"p1\"}}", "", ": keep-alive", "")));
    CliRun.Result r = cli.run("logs", "steps-x7k2p", "p1", "-c", "wait");
    assertThat(r.out()).isEqualTo("p1: a b\n");
    assertThat(server.the("GET", ITEM + "/log").query())
        .isEqualTo("podName=p1&logOptions.container=wait&logOptions.follow=false");
  }

  @Test
  void aStreamErrorIsReported() {
    server.on("GET " + ITEM + "/log", Answer.stream(List.of(
        "{\"error\":{\"grpc_code\":5,\"http_code\":404,\"message\":\"pod not found\"}}")));
    CliRun.Result r = cli.run("logs", "steps-x7k2p");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("ended with an error: pod not found");
  }

  @Test
  void watchRedrawsOnEachChangeUntilCompletion() {
    var pending = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    pending.with("status").remove("nodes");
    var running = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    server.on("GET " + ITEM, json(pending));
    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(
        event("MODIFIED", running), event("MODIFIED", running),
        event("MODIFIED", Fixtures.workflow("steps-succeeded.json")))));
    CliRun.Result r = cli.run("watch", "steps-x7k2p");
    assertThat(r.code()).isZero();
    List<String> frames = List.of(r.out().split("\n\n(?=Name:)"));
    assertThat(frames).hasSize(3);
    assertThat(frames.get(0)).contains("Status:              Running").doesNotContain("STEP");
    assertThat(frames.get(1)).contains("Status:              Running").contains("STEP");
    assertThat(frames.get(2)).contains("Status:              Succeeded");
  }

  @Test
  void watchOnATerminalClearsTheScreenAndColours() {
    server.on("GET " + ITEM, json(Fixtures.withPhase(Fixtures.workflow("dag-failed.json"), "Failed")));
    CliRun.Result r = cli.terminal().run("watch", "steps-x7k2p");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("\u001b[H\u001b[2J").contains("\u001b[31m✖\u001b[0m");
  }

  @Test
  void waitReconnectsWhenTheStreamEndsEarlyAndExitsOneOnError() {
    var running = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    server.on("GET " + ITEM, json(running));
    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(event("MODIFIED", running))));
    Thread finisher = new Thread(() -> {
      org.awaitility.Awaitility.await().until(() -> server.requests().stream()
          .filter(q -> q.path().startsWith("/api/v1/workflow-events")).count() >= 1);
      server.on("GET " + ITEM, json(Fixtures.withPhase(running, "Error")));
    });
    finisher.start();
    CliRun.Result r = cli.run("wait", "steps-x7k2p");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("steps-x7k2p Error");
  }

  @Test
  void waitReconnectsAfterTheStreamBreaks() {
    var running = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    server.on("GET " + ITEM, json(running));
    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(
        event("MODIFIED", running), "{\"result\":{\"type\":\"MODI", io.quargo.cli.FakeArgoServer.BREAK)));
    Thread finisher = new Thread(() -> {
      org.awaitility.Awaitility.await().until(() -> server.requests().stream()
          .filter(q -> q.path().startsWith("/api/v1/workflow-events")).count() >= 1);
      server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(
          event("MODIFIED", Fixtures.workflow("steps-succeeded.json")))));
    });
    finisher.start();
    CliRun.Result r = cli.run("wait", "steps-x7k2p");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("steps-x7k2p Succeeded at 2026-11-21T10:00:20Z\n");
    assertThat(server.requests().stream().filter(q -> q.path().startsWith("/api/v1/workflow-events")).count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void logsReportABrokenStream() {
    server.on("GET " + ITEM + "/log", Answer.stream(List.of(
        "{\"result\":{\"content\":\"one\",\"podName\":\"p\"}}", "{\"result\":{\"cont", io.quargo.cli.FakeArgoServer.BREAK)));
    CliRun.Result r = cli.run("logs", "steps-x7k2p", "-f");
    assertThat(r.out()).isEqualTo("p: one\n");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("the stream /api/v1/workflows/default/steps-x7k2p/log").contains("broke");
  }

  @Test
  void waitForADeletedWorkflowFails() {
    var running = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    server.on("GET " + ITEM, json(running));
    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(event("DELETED", running))));
    CliRun.Result r = cli.run("wait", "steps-x7k2p");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("workflow steps-x7k2p was deleted before it completed\n");
  }
}
