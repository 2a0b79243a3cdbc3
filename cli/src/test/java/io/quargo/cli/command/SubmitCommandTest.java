package io.quargo.cli.command;

import static io.quargo.cli.FakeArgoServer.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.CliRun;
import io.quargo.cli.FakeArgoServer;
import io.quargo.cli.FakeArgoServer.Answer;
import io.quargo.cli.Fixtures;
import io.quargo.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitCommandTest {
  private static final String WF = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: hello-
        labels: {team: a}
      spec:
        entrypoint: main
        arguments:
          parameters:
          - name: message
            value: hi
          - name: kept
            value: k
        templates:
        - name: main
          container: {image: busybox}
      """;

  private final FakeArgoServer server = newServer();
  private final CliRun cli = new CliRun(server.hostPort());
  @TempDir Path dir;

  private static FakeArgoServer newServer() {
    try {
      return new FakeArgoServer();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void submitAFileAppliesOptionsAndPostsTheCreateRequest() throws Exception {
    server.on("POST /api/v1/workflows/team-ns", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.run("submit", file("wf.yaml", WF).toString(), "-n", "team-ns", "-p", "message=hello",
        "-p", "extra=1", "--entrypoint", "other", "-l", "env=dev", "--generate-name", "x-", "-o", "name");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("steps-x7k2p\n");
    JsonNode body = server.the("POST", "/api/v1/workflows/team-ns").json();
    assertThat(body.path("namespace").asText()).isEqualTo("team-ns");
    JsonNode wf = body.path("workflow");
    assertThat(wf.path("metadata").path("generateName").asText()).isEqualTo("x-");
    assertThat(wf.path("metadata").path("labels")).isEqualTo(Json.object().put("team", "a").put("env", "dev"));
    assertThat(wf.path("spec").path("entrypoint").asText()).isEqualTo("other");
    assertThat(Json.string(wf.path("spec").path("arguments").path("parameters"))).isEqualTo(
        "[{\"name\":\"message\",\"value\":\"hello\"},{\"name\":\"extra\",\"value\":\"1\"},"
            + "{\"name\":\"kept\",\"value\":\"k\"}]");
    assertThat(wf.path("spec").path("templates").get(0).path("container").path("image").asText()).isEqualTo("busybox");
  }

  @Test
  void parameterFileValuesAreOverriddenByFlags() throws Exception {
    server.on("POST /api/v1/workflows/default", json(Fixtures.workflow("steps-succeeded.json")));
    Path params = file("params.yaml", "message: from-file\ncount: 3\n");
    CliRun.Result r = cli.run("submit", file("wf.yaml", WF).toString(), "--parameter-file", params.toString(),
        "-p", "count=4", "-o", "name");
    assertThat(r.code()).isZero();
    JsonNode p = server.the("POST", "/api/v1/workflows/default").json().path("workflow").path("spec")
        .path("arguments").path("parameters");
    assertThat(Json.string(p)).isEqualTo("[{\"name\":\"message\",\"value\":\"from-file\"},"
        + "{\"name\":\"count\",\"value\":\"4\"},{\"name\":\"kept\",\"value\":\"k\"}]");
  }

  @Test
  void submitFromTemplateSendsSubmitOptions() {
    server.on("POST /api/v1/workflows/default/submit", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.run("submit", "--from", "wftmpl/my-template", "-p", "a=b=c", "--entrypoint", "e",
        "-l", "x=y", "--name", "fixed", "-o", "name");
    assertThat(r.code()).isZero();
    JsonNode body = server.the("POST", "/api/v1/workflows/default/submit").json();
    assertThat(Json.string(body)).isEqualTo("{\"namespace\":\"default\",\"resourceKind\":\"WorkflowTemplate\","
        + "\"resourceName\":\"my-template\",\"submitOptions\":{\"parameters\":[\"a=b=c\"],\"entryPoint\":\"e\","
        + "\"name\":\"fixed\",\"labels\":\"x=y\"}}");
  }

  @Test
  void submitFromClusterTemplateAndCronNormaliseTheKind() {
    server.on("POST /api/v1/workflows/default/submit", json(Fixtures.workflow("steps-succeeded.json")));
    assertThat(cli.run("submit", "--from", "clusterworkflowtemplate/c", "-o", "name").code()).isZero();
    assertThat(cli.run("submit", "--from", "cronwf/d", "-o", "name").code()).isZero();
    List<String> kinds = server.requests().stream().map(q -> q.json().path("resourceKind").asText()).toList();
    assertThat(kinds).containsExactly("ClusterWorkflowTemplate", "CronWorkflow");
  }

  @Test
  void usageErrorsExitTwoWithAClearMessage() throws Exception {
    assertThat(cli.run("submit")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("submit needs FILE... or --from kind/name");
    });
    assertThat(cli.run("submit", "--from", "sensor/x")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("the kind must be workflowtemplate");
    });
    assertThat(cli.run("submit", file("wf.yaml", WF).toString(), "-p", "novalue")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("expected parameter of the form: NAME=VALUE. Received: novalue");
    });
    assertThat(cli.run("submit", "missing.yaml").code()).isEqualTo(2);
    assertThat(cli.run("submit", "--bogus").code()).isEqualTo(2);
    assertThat(cli.run("submit", "--from", "wftmpl/x", "-o", "table")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("unknown output format 'table'");
    });
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aNonWorkflowManifestIsRefusedWithFileAndLine() throws Exception {
    Path f = file("two.yaml", WF + "---\napiVersion: argoproj.io/v1alpha1\nkind: Sensor\nmetadata: {name: s}\n");
    CliRun.Result r = cli.run("submit", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(f + ":18: kind is 'Sensor', submit takes Workflows");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void invalidYamlNamesFileAndLine() throws Exception {
    Path f = file("bad.yaml", "kind: Workflow\nmetadata:\n  name: [unclosed\n");
    CliRun.Result r = cli.run("submit", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith(f + ":").contains("invalid YAML/JSON").doesNotContain("Exception");
  }

  @Test
  void submitFromStdin() {
    server.on("POST /api/v1/workflows/default", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.stdin(WF).run("submit", "-", "-o", "name");
    assertThat(r.code()).isZero();
    assertThat(server.the("POST", "/api/v1/workflows/default").json().path("workflow").path("kind").asText())
        .isEqualTo("Workflow");
  }

  @Test
  void submitWaitExitsZeroOnlyWhenTheWorkflowSucceeded() throws Exception {
    JsonNode running = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    server.on("POST /api/v1/workflows/default", json(running));
    server.on("GET /api/v1/workflows/default/steps-x7k2p", json(running));
    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(
        event("MODIFIED", running), event("MODIFIED", Fixtures.workflow("steps-succeeded.json")))));
    CliRun.Result ok = cli.run("submit", file("wf.yaml", WF).toString(), "--wait", "-o", "name");
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).isEqualTo("steps-x7k2p\nsteps-x7k2p Succeeded at 2026-11-21T10:00:20Z\n");
    FakeArgoServer.Request watch = server.the("GET", "/api/v1/workflow-events/default");
    assertThat(watch.query()).isEqualTo("listOptions.fieldSelector=metadata.name=steps-x7k2p");

    server.on("GET /api/v1/workflow-events/default", Answer.stream(List.of(
        event("MODIFIED", Fixtures.withPhase(running, "Failed")))));
    CliRun.Result failed = cli.run("submit", file("wf.yaml", WF).toString(), "--wait", "-o", "name");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.out()).contains("steps-x7k2p Failed");
  }

  @Test
  void submitLogStreamsThePodsThenReportsThePhase() throws Exception {
    JsonNode running = Fixtures.withPhase(Fixtures.workflow("steps-succeeded.json"), "Running");
    server.on("POST /api/v1/workflows/default", json(running));
    server.on("GET /api/v1/workflows/default/steps-x7k2p/log", Answer.stream(List.of(
        "{\"result\":{\"content\":\"hello\",\"podName\":\"steps-x7k2p-whalesay-706336882\"}}")));
    server.on("GET /api/v1/workflows/default/steps-x7k2p", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.run("submit", file("wf.yaml", WF).toString(), "--log", "-o", "name");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("steps-x7k2p\nsteps-x7k2p-whalesay-706336882: hello\n"
        + "steps-x7k2p Succeeded at 2026-11-21T10:00:20Z\n");
    assertThat(server.the("GET", "/api/v1/workflows/default/steps-x7k2p/log").query())
        .isEqualTo("logOptions.container=main&logOptions.follow=true");
  }

  @Test
  void submitWatchPrintsTheTreeUntilItEnds() throws Exception {
    JsonNode failed = Fixtures.workflow("dag-failed.json");
    server.on("POST /api/v1/workflows/default", json(failed));
    server.on("GET /api/v1/workflows/argo/dag-diamond-q9r4t", json(failed));
    server.on("GET /api/v1/workflows/default/dag-diamond-q9r4t", json(failed));
    CliRun.Result r = cli.run("submit", file("wf.yaml", WF).toString(), "--watch", "-o", "name");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("dag-diamond-q9r4t\nName:                dag-diamond-q9r4t\n")
        .contains(" └─○ D ");
  }

  static String event(String type, JsonNode wf) {
    var e = Json.object();
    e.putObject("result").put("type", type).set("object", wf);
    return Json.string(e);
  }
}
