package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventsource.github.GithubReceiverTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * github.yaml and gitlab.yaml, served as GitHostingWebhooksIT serves them: {@code webhook.port} becomes a free
 * port; every secret resolves (the API tokens only make Quargo log that hooks are created by hand). Each entry gets
 * one push as GitHub or GitLab sends it: signed with the entry's webhookSecret, or carrying its secretToken.
 */
final class GitHostingRig implements ExampleRig {
  private final boolean github;
  private final WebhookPorts ports = new WebhookPorts();

  /** @param github {@code github} rather than {@code gitlab} */
  GitHostingRig(boolean github) {
    this.github = github;
  }

  @Override
  public void connect(ObjectNode entries) {
    entries.forEach(entry -> ports.move((ObjectNode) entry.get("webhook")));
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return "secret-" + name + "-" + key;
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    String delivery = UUID.randomUUID().toString();
    if (github) {
      String body = "{\"ref\": \"refs/heads/main\", \"repository\": {\"full_name\": \"" + repository(entry) + "\"}}";
      Map<String, String> headers = new HashMap<>(Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", delivery));
      String secret = secretOf(entry.get("webhookSecret"));
      if (secret != null) {
        headers.put("X-Hub-Signature-256", "sha256=" + GithubReceiverTest.hex("HmacSHA256", secret, body));
      }
      return List.of(() -> WebhookPorts.send(entry.get("webhook"), headers, body));
    }
    assertThat(entry.path("events").toString()).contains("\"PushEvents\"");
    Map<String, String> headers = new HashMap<>(Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Event-UUID", delivery));
    String token = secretOf(entry.get("secretToken"));
    if (token != null) {
      headers.put("X-Gitlab-Token", token);
    }
    String body = "{\"object_kind\": \"push\", \"ref\": \"refs/heads/main\", \"event\": \"" + eventName + "\"}";
    return List.of(() -> WebhookPorts.send(entry.get("webhook"), headers, body));
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    JsonNode data = events.get(0).data();
    assertThat(ExampleRig.fields(data)).containsExactly("headers", "body"); // GitHostingWebhooksIT; no metadata set
    assertThat(data.at("/body/ref").asText()).isEqualTo("refs/heads/main");
    if (github) {
      assertThat(data.at("/body/repository/full_name").asText()).isEqualTo(repository(entry));
      assertThat(data.at("/body/X-GitHub-Event").asText()).isEqualTo("push");
      assertThat(data.at("/headers/X-Github-Event/0").asText()).isEqualTo("push");
      assertThat(data.at("/body/X-GitHub-Delivery").asText()).isEqualTo(data.at("/headers/X-Github-Delivery/0").asText());
    } else {
      assertThat(data.at("/body/object_kind").asText()).isEqualTo("push");
      assertThat(data.at("/body/event").asText()).isEqualTo(eventName);
      assertThat(data.at("/headers/X-Gitlab-Event/0").asText()).isEqualTo("Push Hook");
    }
  }

  /** The first repository the entry names: {@code repositories[0]} or the legacy {@code owner/repository}. */
  private static String repository(JsonNode entry) {
    JsonNode first = entry.path("repositories").path(0);
    return first.isMissingNode() ? entry.path("owner").asText() + "/" + entry.path("repository").asText()
        : first.path("owner").asText() + "/" + first.path("names").path(0).asText();
  }

  private String secretOf(JsonNode selector) {
    return selector == null ? null : secret(null, selector.path("name").asText(), selector.path("key").asText());
  }

  @Override
  public void close() {}
}
