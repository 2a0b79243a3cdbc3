package io.quargo.cli;

import static io.quargo.cli.FakeArgoServer.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Global flags, environment, connection failures and usage errors. */
class ConnectionAndUsageTest extends ServerTestBase {
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void connectionRefusedIsOneClearLine() throws IOException {
    int port = closedPort();
    CliRun.Result r = new CliRun("127.0.0.1:" + port).run("list");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("cannot reach the Quargo server at http://127.0.0.1:" + port
        + ": is `./quargo server` running?\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void tokenNamespaceServerAndHeadersFromFlagsAndEnvironment() {
    server.on("GET /api/v1/workflows/team", json(items()));
    CliRun viaEnv = new CliRun("unused:1").env("ARGO_SERVER", server.hostPort()).env("ARGO_TOKEN", "Bearer abc")
        .env("ARGO_NAMESPACE", "team");
    assertThat(viaEnv.run("list").code()).isZero();
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer abc");

    CliRun viaFlags = new CliRun("unused:1");
    assertThat(viaFlags.run("list", "-s", server.hostPort(), "-n", "team", "--token", "xyz", "-H", "X-Tenant: t1")
        .code()).isZero();
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer xyz");
    assertThat(server.requests().get(1).header("X-tenant")).isEqualTo("t1");

    assertThat(new CliRun(server.hostPort()).run("-n", "team", "list").code()).isZero();
    assertThat(server.requests().get(2).path()).isEqualTo("/api/v1/workflows/team");
  }

  @Test
  void secureUsesHttps() throws IOException {
    int port = closedPort();
    CliRun.Result r = new CliRun("127.0.0.1:" + port).env("ARGO_SECURE", "true").run("list");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("cannot reach the Quargo server at https://127.0.0.1:" + port + ":");
    CliRun.Result flag = new CliRun("127.0.0.1:" + port).run("list", "--secure");
    assertThat(flag.err()).startsWith("cannot reach the Quargo server at https://127.0.0.1:" + port + ":");
  }

  @Test
  void badAddressAndHeaderAreUsageErrors() {
    assertThat(new CliRun("bad host:x").run("list")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("invalid Argo Server address 'bad host:x'");
    });
    assertThat(cli.run("list", "-H", "novalue")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("invalid --header 'novalue': use NAME: VALUE");
    });
  }

  @Test
  void unknownVerbAndMissingArgumentsExitTwo() {
    CliRun.Result unknown = cli.run("frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    CliRun.Result missing = cli.run("logs");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required parameter: 'WORKFLOW'");
    assertThat(cli.run().code()).isEqualTo(2);
  }

  @Test
  void helpListsEveryVerb() {
    CliRun.Result r = cli.run("--help");
    assertThat(r.code()).isZero();
    for (String verb : new String[] {"submit", "list", "get", "logs", "lint", "delete", "retry", "resubmit", "resume",
        "suspend", "stop", "terminate", "wait", "watch", "apply", "template", "cluster-template", "cron"}) {
      assertThat(r.out()).containsPattern("(?m)^  " + verb + "[ ,]");
    }
  }

  @Test
  void everyVerbHasHelp() {
    CliRun.Result r = cli.run("submit", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--parameter-file").contains("--watch");
    assertThat(cli.run("cron", "suspend", "-h").out()).contains("Usage: quargo cron suspend");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anUnexpectedAnswerIsExplainedNotDumped() {
    server.on("GET /api/v1/workflows/default/x", new FakeArgoServer.Answer(200, java.util.List.of("<html>")));
    CliRun.Result r = cli.run("get", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("the server answered with something that is not JSON").contains("Argo Server-compatible");
  }
}
