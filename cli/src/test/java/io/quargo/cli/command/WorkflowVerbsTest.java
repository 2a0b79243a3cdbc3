package io.quargo.cli.command;

import static io.quargo.cli.FakeArgoServer.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.CliRun;
import io.quargo.cli.Fixtures;
import io.quargo.cli.ServerTestBase;
import io.quargo.core.Json;
import org.junit.jupiter.api.Test;

/** retry, resubmit, resume, suspend, stop, terminate: paths, request JSON and what they print. */
class WorkflowVerbsTest extends ServerTestBase {
  private static final String ITEM = "/api/v1/workflows/default/steps-x7k2p";

  @Test
  void retrySendsRestartSuccessfulSelectorAndParameters() {
    server.on("PUT " + ITEM + "/retry", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.run("retry", "steps-x7k2p", "--restart-successful", "--node-field-selector",
        "displayName=hello1", "-p", "message=again", "-o", "name");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("steps-x7k2p\n");
    assertThat(Json.string(server.the("PUT", ITEM + "/retry").json())).isEqualTo(
        "{\"name\":\"steps-x7k2p\",\"namespace\":\"default\",\"restartSuccessful\":true,"
            + "\"nodeFieldSelector\":\"displayName=hello1\",\"parameters\":[\"message=again\"]}");
  }

  @Test
  void retryPrintsTheWorkflowViewByDefault() {
    server.on("PUT " + ITEM + "/retry", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.run("retry", "steps-x7k2p");
    assertThat(r.out()).startsWith("Name:                steps-x7k2p\n").contains("└─┬─✔ hello2a");
    assertThat(Json.string(server.the("PUT", ITEM + "/retry").json()))
        .isEqualTo("{\"name\":\"steps-x7k2p\",\"namespace\":\"default\"}");
  }

  @Test
  void resubmitSendsMemoizedAndParametersAndPrintsTheNewWorkflow() {
    var created = Fixtures.workflow("steps-succeeded.json");
    created.with("metadata").put("name", "steps-new");
    server.on("PUT " + ITEM + "/resubmit", json(created));
    CliRun.Result r = cli.run("resubmit", "steps-x7k2p", "--memoized", "-p", "a=1", "-o", "name", "-n", "default");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("steps-new\n");
    assertThat(Json.string(server.the("PUT", ITEM + "/resubmit").json())).isEqualTo(
        "{\"name\":\"steps-x7k2p\",\"namespace\":\"default\",\"memoized\":true,\"parameters\":[\"a=1\"]}");
  }

  @Test
  void resumeSuspendStopTerminate() {
    for (String action : new String[] {"resume", "suspend", "stop", "terminate"}) {
      server.on("PUT " + ITEM + "/" + action, json(Fixtures.workflow("steps-succeeded.json")));
    }
    assertThat(cli.run("resume", "steps-x7k2p", "--node-field-selector", "displayName=approve").out())
        .isEqualTo("workflow steps-x7k2p resumed\n");
    assertThat(cli.run("suspend", "steps-x7k2p").out()).isEqualTo("workflow steps-x7k2p suspended\n");
    assertThat(cli.run("stop", "steps-x7k2p", "--message", "enough").out()).isEqualTo("workflow steps-x7k2p stopped\n");
    assertThat(cli.run("terminate", "steps-x7k2p").out()).isEqualTo("workflow steps-x7k2p terminated\n");
    assertThat(Json.string(server.the("PUT", ITEM + "/resume").json())).isEqualTo(
        "{\"name\":\"steps-x7k2p\",\"namespace\":\"default\",\"nodeFieldSelector\":\"displayName=approve\"}");
    assertThat(Json.string(server.the("PUT", ITEM + "/suspend").json()))
        .isEqualTo("{\"name\":\"steps-x7k2p\",\"namespace\":\"default\"}");
    assertThat(Json.string(server.the("PUT", ITEM + "/stop").json()))
        .isEqualTo("{\"name\":\"steps-x7k2p\",\"namespace\":\"default\",\"message\":\"enough\"}");
    assertThat(Json.string(server.the("PUT", ITEM + "/terminate").json()))
        .isEqualTo("{\"name\":\"steps-x7k2p\",\"namespace\":\"default\"}");
  }

  @Test
  void stopWithANodeFieldSelectorSendsItWithTheMessage() {
    server.on("PUT " + ITEM + "/stop", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.run("stop", "steps-x7k2p", "--node-field-selector", "displayName=approve", "--message",
        "rejected", "-n", "default");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("workflow steps-x7k2p stopped\n");
    assertThat(Json.string(server.the("PUT", ITEM + "/stop").json())).isEqualTo("{\"name\":\"steps-x7k2p\","
        + "\"namespace\":\"default\",\"nodeFieldSelector\":\"displayName=approve\",\"message\":\"rejected\"}");
  }

  @Test
  void resubmitWithoutMemoizedSendsNoMemoizedField() {
    var created = Fixtures.workflow("steps-succeeded.json");
    server.on("PUT " + ITEM + "/resubmit", json(created));
    assertThat(cli.run("resubmit", "steps-x7k2p", "-o", "name", "-n", "default").code()).isZero();
    assertThat(Json.string(server.the("PUT", ITEM + "/resubmit").json()))
        .isEqualTo("{\"name\":\"steps-x7k2p\",\"namespace\":\"default\"}");
  }

  @Test
  void latestResolvesToTheNewestWorkflow() {
    JsonNode older = Fixtures.workflow("dag-failed.json");
    var newer = Fixtures.workflow("steps-succeeded.json");
    newer.with("metadata").put("creationTimestamp", "2026-11-21T10:01:00Z");
    server.on("GET /api/v1/workflows/default", json(items(older, newer)));
    server.on("PUT " + ITEM + "/suspend", json(newer));
    assertThat(cli.run("suspend", "@latest").out()).isEqualTo("workflow steps-x7k2p suspended\n");
  }

  @Test
  void aServerErrorIsOneLineWithTheServersMessage() {
    server.on("PUT " + ITEM + "/resume", io.quargo.cli.FakeArgoServer.Answer.error(400, 9,
        "workflow must be Suspended to resume"));
    CliRun.Result r = cli.run("resume", "steps-x7k2p");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("PUT " + ITEM + "/resume failed (HTTP 400): workflow must be Suspended to resume\n");
  }
}
