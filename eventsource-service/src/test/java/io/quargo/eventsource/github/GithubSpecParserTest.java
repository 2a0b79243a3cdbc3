package io.quargo.eventsource.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubSpecParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anEntryBecomesAGithubRouteOnItsWebhookPort() throws Exception {
    List<WebhookRoute> routes = new GithubSpecParser((ns, name, key) -> "s").parse(source("""
        {"example": {"repositories": [{"owner": "argoproj", "names": ["argo-events"]}],
                     "webhook": {"endpoint": "/push", "port": "12000", "method": "POST"},
                     "events": ["*"], "webhookSecret": {"name": "github-access", "key": "secret"},
                     "contentType": "json", "metadata": {"a": "b"}, "filter": {"expression": "body.x == 1"}}}
        """));

    assertThat(routes).singleElement().satisfies(r -> {
      assertThat(r.receiver().type()).isEqualTo("github");
      assertThat(r.port()).isEqualTo(12000);
      assertThat(r.endpoint()).isEqualTo("/push");
      assertThat(r.metadata()).containsEntry("a", "b");
      assertThat(r.filter()).isNotNull();
      assertThat(r.authToken()).isNull();
    });
  }

  @Test
  void errorsNameThePath() {
    GithubSpecParser parser = new GithubSpecParser((ns, name, key) -> "s");

    assertThatThrownBy(() -> parser.parse(source("""
        {"e": {"owner": "o", "repository": "r", "webhook": {"endpoint": "/p", "port": "1", "method": "POST"},
               "contentType": "xml"}}""")))
        .isInstanceOf(WebhookSpecException.class).hasMessageContaining("spec.github.e.contentType");
    assertThatThrownBy(() -> parser.parse(source("""
        {"e": {"webhook": {"endpoint": "/p", "port": "1", "method": "POST"}}}""")))
        .isInstanceOf(WebhookSpecException.class).hasMessageContaining("spec.github.e")
        .hasMessageContaining("either repositories or organizations is required");
    assertThatThrownBy(() -> parser.parse(source("""
        {"e": {"owner": "o", "repository": "r", "webhook": {"endpoint": "/p", "method": "POST"}}}""")))
        .isInstanceOf(WebhookSpecException.class).hasMessageContaining("spec.github.e.webhook.port");
    assertThatThrownBy(() -> parser.parse(source("""
        {"e": {"owner": "o", "repository": "r", "webhook": {"endpoint": "/p", "port": "1", "method": "POST"},
               "apiToken": {"name": "n", "key": "k"}}}""")))
        .isInstanceOf(WebhookSpecException.class).hasMessageContaining("spec.github.e.events");
    assertThatThrownBy(() -> new GithubSpecParser((ns, name, key) -> null).parse(source("""
        {"e": {"owner": "o", "repository": "r", "webhook": {"endpoint": "/p", "port": "1", "method": "POST"},
               "webhookSecret": {"name": "n", "key": "k"}}}""")))
        .isInstanceOf(WebhookSpecException.class).hasMessageContaining("spec.github.e.webhookSecret");
  }

  static Resource source(String github) throws Exception {
    return Resource.of((ObjectNode) JSON.readTree("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource", "metadata": {"name": "github", "namespace": "ns"},
         "spec": {"github": %s}}""".formatted(github)));
  }
}
