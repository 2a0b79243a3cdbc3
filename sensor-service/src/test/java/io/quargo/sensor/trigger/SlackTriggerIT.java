package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quargo.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The slack trigger against a local HTTP server that answers like Slack's chat.postMessage. */
class SlackTriggerIT {
  private static final SecretResolver SECRETS = (ns, name, key) ->
      ns.equals("ns") && name.equals("slack-secret") && key.equals("token") ? "xoxb-good" : null;

  private HttpServer server;
  private final List<JsonNode> posted = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", exchange -> {
      paths.add(exchange.getRequestURI().getPath());
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String answer;
      if (!"Bearer xoxb-good".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer = "{\"ok\": false, \"error\": \"invalid_auth\"}";
      } else {
        JsonNode message = Json.parse(body.getBytes(StandardCharsets.UTF_8));
        posted.add(message);
        answer = message.path("channel").asText().equals("ratelimited")
            ? "{\"ok\": false, \"error\": \"ratelimited\"}" : "{\"ok\": true, \"ts\": \"1.2\"}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private SlackTrigger trigger(SecretResolver secrets) {
    return new SlackTrigger(secrets, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api"));
  }

  @Test
  void postsUpstreamsSlackExampleWithParametersAndTheBotToken() {
    // upstream's slack-trigger.yaml
    Fire.fire(trigger(SECRETS), Fire.sensor("""
        parameters:
          - {src: {dependencyName: dep, dataKey: body.channel}, dest: slack.channel}
          - {src: {dependencyName: dep, dataKey: body.message}, dest: slack.message}
        template:
          name: slack-trigger
          slack:
            slackToken: {key: token, name: slack-secret}
            channel: general
            message: hello world
            blocks: '[{"type": "section", "text": {"type": "mrkdwn", "text": "*bold*"}}]'
            sender: {username: argo-bot, icon: ":robot_face:"}
        """));
    assertThat(paths).containsExactly("/api/chat.postMessage");
    assertThat(posted).singleElement().satisfies(m -> {
      assertThat(m.path("channel").asText()).isEqualTo("alerts");
      assertThat(m.path("text").asText()).isEqualTo("disk full");
      assertThat(m.at("/blocks/0/text/text").asText()).isEqualTo("*bold*");
      assertThat(m.path("username").asText()).isEqualTo("argo-bot");
      assertThat(m.path("icon_emoji").asText()).isEqualTo(":robot_face:");
      assertThat(m.at("/metadata/event_payload/executionKey").asText()).isEqualTo("exec-key-1");
    });
  }

  @Test
  void aRefusedTokenIsPermanentAndARateLimitTransient() {
    String spec = """
        template:
          name: t
          slack: {slackToken: {key: token, name: slack-secret}, channel: %s, message: hi}
        """;
    assertThatThrownBy(() -> Fire.fire(trigger((ns, n, k) -> "xoxb-wrong"), Fire.sensor(spec.formatted("general"))))
        .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isTrue())
        .hasMessageContaining("spec.triggers[0].template.slack: Slack refused the message: invalid_auth");
    assertThatThrownBy(() -> Fire.fire(trigger(SECRETS), Fire.sensor(spec.formatted("ratelimited"))))
        .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isFalse())
        .hasMessageContaining("ratelimited");
    assertThatThrownBy(() -> Fire.fire(trigger(SecretResolver.none()), Fire.sensor(spec.formatted("general"))))
        .hasMessageContaining("spec.triggers[0].template.slack.slackToken: secret 'slack-secret' has no key 'token'");
    assertThat(posted).singleElement().satisfies(m -> assertThat(m.path("channel").asText()).isEqualTo("ratelimited"));
  }
}
