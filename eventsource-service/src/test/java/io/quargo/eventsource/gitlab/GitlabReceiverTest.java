package io.quargo.eventsource.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.webhook.Reception;
import io.quargo.eventsource.webhook.WebhookRequest;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookSpecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class GitlabReceiverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = "{\"object_kind\": \"push\", \"ref\": \"refs/heads/main\"}";

  private final WebhookRoute route = parse("""
      {"example": {"projects": ["whynowy/test"], "webhook": {"endpoint": "/push", "port": "12000", "method": "POST"},
                   "events": ["PushEvents", "TagPushEvents"], "secretToken": {"name": "gitlab-secret", "key": "token"},
                   "metadata": {"team": "ci"}}}""").get(0);

  @Test
  void aPushWithTheRightTokenIsAcceptedAsHeadersBodyMetadata() throws Exception {
    Reception r = route.receiver().receive(request("Push Hook", "tok", "uuid-1"));

    assertThat(route.receiver().type()).isEqualTo("gitlab");
    assertThat(r).isInstanceOfSatisfying(Reception.Accepted.class, a -> {
      assertThat(a.data().fieldNames()).toIterable().containsExactly("headers", "body", "metadata");
      assertThat(a.data().at("/headers/X-Gitlab-Event/0").asText()).isEqualTo("Push Hook");
      assertThat(a.data().at("/body/ref").asText()).isEqualTo("refs/heads/main");
      assertThat(a.data().at("/metadata/team").asText()).isEqualTo("ci");
      assertThat(a.eventId()).matches("[0-9a-f]{32}");
    });
  }

  @Test
  void aMissingOrWrongTokenIsA400TokenMismatch() {
    assertThat(route.receiver().receive(request("Push Hook", "nope", "u"))).isEqualTo(new Reception.Refused(400, "token mismatch"));
    assertThat(route.receiver().receive(request("Push Hook", null, "u"))).isEqualTo(new Reception.Refused(400, "token mismatch"));
  }

  @Test
  void eventsOutsideTheListAreDropped() {
    assertThat(route.receiver().receive(request("Tag Push Hook", "tok", "u"))).isInstanceOf(Reception.Accepted.class);
    assertThat(route.receiver().receive(request("Issue Hook", "tok", "u"))).isInstanceOf(Reception.Dropped.class);
  }

  @Test
  void theSameEventUuidGivesTheSameEventId() {
    String a = ((Reception.Accepted) route.receiver().receive(request("Push Hook", "tok", "uuid-7"))).eventId();
    String b = ((Reception.Accepted) route.receiver().receive(request("Push Hook", "tok", "uuid-7"))).eventId();
    String none = ((Reception.Accepted) route.receiver().receive(request("Push Hook", "tok", null))).eventId();

    assertThat(a).isEqualTo(b);
    assertThat(none).isNull(); // a fresh random id is drawn when publishing
  }

  @Test
  void unknownEventsAndMissingProjectsAreRefusedWithTheirPath() {
    Assertions.assertThatThrownBy(() -> parse("""
        {"e": {"projects": ["1"], "webhook": {"endpoint": "/p", "port": "1", "method": "POST"}, "events": ["PushEvent"]}}"""))
        .isInstanceOf(WebhookSpecException.class).hasMessageContaining("spec.gitlab.e.events[0]")
        .hasMessageContaining("PushEvents");
    Assertions.assertThatThrownBy(() -> parse("""
        {"e": {"webhook": {"endpoint": "/p", "port": "1", "method": "POST"}, "events": ["PushEvents"]}}"""))
        .isInstanceOf(WebhookSpecException.class).hasMessageContaining("spec.gitlab.e: either projects or groups");
  }

  private WebhookRequest request(String event, String token, String uuid) {
    List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
    headers.add(Map.entry("Content-Type", "application/json"));
    headers.add(Map.entry("X-Gitlab-Event", event));
    if (token != null) {
      headers.add(Map.entry("X-Gitlab-Token", token));
    }
    if (uuid != null) {
      headers.add(Map.entry("X-Gitlab-Event-UUID", uuid));
    }
    return new WebhookRequest(route, "POST", headers, null, BODY.getBytes(StandardCharsets.UTF_8));
  }

  private static List<WebhookRoute> parse(String gitlab) {
    try {
      return new GitlabSpecParser((ns, name, key) -> "tok").parse(Resource.of((ObjectNode) JSON.readTree("""
          {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource", "metadata": {"name": "gitlab", "namespace": "ns"},
           "spec": {"gitlab": %s}}""".formatted(gitlab))));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
