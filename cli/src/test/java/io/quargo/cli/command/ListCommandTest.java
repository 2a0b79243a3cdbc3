package io.quargo.cli.command;

import static io.quargo.cli.FakeArgoServer.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.cli.CliRun;
import io.quargo.cli.Fixtures;
import io.quargo.cli.ServerTestBase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ListCommandTest extends ServerTestBase {
  private void twoWorkflows() {
    var running = Fixtures.withPhase(Fixtures.workflow("dag-failed.json"), "Running");
    running.with("metadata").put("namespace", "default");
    server.on("GET /api/v1/workflows/default", json(items(Fixtures.workflow("steps-succeeded.json"), running)));
  }

  @Test
  void listsAsArgoListNewestFirst() {
    twoWorkflows();
    CliRun.Result r = cli.run("list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("""
        NAME                STATUS      AGE   DURATION   PRIORITY   MESSAGE
        steps-x7k2p         Succeeded   2m    20s        0
        dag-diamond-q9r4t   Running     2m    2m         0          child 'dag-diamond-q9r4t-1' failed
        """);
  }

  @Test
  void filtersBecomeALabelSelectorAndAreAppliedAgain() {
    twoWorkflows();
    CliRun.Result r = cli.run("list", "--status", "Succeeded,Failed", "-l", "app=x", "-o", "name");
    assertThat(r.out()).isEqualTo("steps-x7k2p\n");
    String query = URLDecoder.decode(server.the("GET", "/api/v1/workflows/default").query(), StandardCharsets.UTF_8);
    assertThat(query).isEqualTo("listOptions.labelSelector=app=x,workflows.argoproj.io/phase in (Succeeded,Failed)");
  }

  @Test
  void runningAndCompleted() {
    twoWorkflows();
    assertThat(cli.run("list", "--running", "-o", "name").out()).isEqualTo("dag-diamond-q9r4t\n");
    assertThat(cli.run("list", "--completed", "-o", "name").out()).isEqualTo("steps-x7k2p\n");
    assertThat(cli.run("list", "--running", "--completed").code()).isEqualTo(2);
    assertThat(cli.run("list", "--status", "Done").err()).contains("--status Done: use one of");
  }

  @Test
  void wideAddsPodCountsAndParameters() {
    twoWorkflows();
    String out = cli.run("list", "-o", "wide", "--no-headers").out();
    assertThat(out.lines().toList().get(0)).contains("Succeeded").contains("0/0/3").endsWith("message=hello");
  }

  @Test
  void allNamespacesListsFromTheEmptyNamespaceWithANamespaceColumn() {
    server.on("GET /api/v1/workflows/", json(items(Fixtures.workflow("dag-failed.json"))));
    CliRun.Result r = cli.run("list", "-A");
    assertThat(r.out()).isEqualTo("""
        NAMESPACE   NAME                STATUS   AGE   DURATION   PRIORITY   MESSAGE
        argo        dag-diamond-q9r4t   Failed   2m    40s        0          child 'dag-diamond-q9r4t-1' failed
        """);
  }

  @Test
  void emptyListAndNullItems() {
    server.on("GET /api/v1/workflows/default", json("{\"metadata\":{},\"items\":null}"));
    assertThat(cli.run("list").out()).isEqualTo("No workflows found\n");
    assertThat(cli.run("list", "-o", "json").out()).isEqualTo("[ ]\n");
  }
}
