package io.quargo.eventsource.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quargo.eventsource.gitlab.GitlabSpecParser;
import io.quargo.eventsource.webhook.WebhookRoute;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argo's github and gitlab examples parse into routes on their ports and endpoints. */
class GitUpstreamExamplesTest {
  @Test
  void githubExampleParses() {
    assumeTrue(Files.isDirectory(GitUpstreamExamples.DIR), "Argo's examples are not at " + GitUpstreamExamples.DIR);
    List<WebhookRoute> routes = new GithubSpecParser((ns, name, key) -> "x").parse(GitUpstreamExamples.load("github", "ns", Map.of()));

    assertThat(routes).extracting(r -> r.eventName() + " " + r.method() + " :" + r.port() + r.endpoint())
        .containsExactly("example POST :12000/push", "example-without-api-credentials POST :13000/push");
    assertThat(routes).allSatisfy(r -> assertThat(r.receiver().type()).isEqualTo("github"));
  }

  @Test
  void gitlabExampleParses() {
    assumeTrue(Files.isDirectory(GitUpstreamExamples.DIR), "Argo's examples are not at " + GitUpstreamExamples.DIR);
    List<WebhookRoute> routes = new GitlabSpecParser((ns, name, key) -> "x").parse(GitUpstreamExamples.load("gitlab", "ns", Map.of()));

    assertThat(routes).extracting(r -> r.eventName() + " " + r.method() + " :" + r.port() + r.endpoint())
        .containsExactly("example POST :12000/push", "group-example POST :12000/group");
    assertThat(routes).allSatisfy(r -> assertThat(r.receiver().type()).isEqualTo("gitlab"));
  }
}
