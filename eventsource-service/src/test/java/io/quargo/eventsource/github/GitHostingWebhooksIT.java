package io.quargo.eventsource.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.JetStreamApiException;
import io.nats.client.api.MessageInfo;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.gitlab.GitlabSpecParser;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookServers;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Argo's github.yaml and gitlab.yaml examples served for real: a signed hook is in JetStream when the 200
 * arrives, a redelivery of the same delivery id is deduplicated, a bad signature or token stores nothing.
 */
@ExtendWith(NatsServerExtension.class)
class GitHostingWebhooksIT {
  private static final String GITHUB_SECRET = "gh-webhook-secret";
  private static final String GITLAB_TOKEN = "gl-secret-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SecretResolver SECRETS = (ns, name, key) -> {
    if (name.equals("github-access") && key.equals("secret")) {
      return GITHUB_SECRET;
    }
    if (name.equals("gitlab-secret") && key.equals("token")) {
      return GITLAB_TOKEN;
    }
    return "api-token-not-used";
  };

  private final String namespace = "ns" + UUID.randomUUID().toString().substring(0, 8);
  private final int githubPort = freePort();
  private final int githubOtherPort = freePort();
  private final int gitlabPort = freePort();
  private BusConnection bus;
  private Vertx vertx;
  private WebhookServers servers;

  @BeforeEach
  void start(NatsTestServer nats) {
    assumeTrue(Files.isDirectory(GitUpstreamExamples.DIR), "Argo's examples are not at " + GitUpstreamExamples.DIR);
    bus = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", nats.url())));
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    vertx = Vertx.vertx();
    List<WebhookRoute> routes = new ArrayList<>();
    routes.addAll(new GithubSpecParser(SECRETS).parse(GitUpstreamExamples.load("github", namespace,
        Map.of("12000", githubOtherPort, "13000", githubPort))));
    routes.addAll(new GitlabSpecParser(SECRETS).parse(GitUpstreamExamples.load("gitlab", namespace,
        Map.of("12000", gitlabPort))));
    servers = WebhookServers.start(vertx, "127.0.0.1", routes, new Publisher(bus));
  }

  @AfterEach
  void stop() {
    if (servers != null) {
      servers.close();
      vertx.close().toCompletionStage().toCompletableFuture().join();
      bus.close();
    }
  }

  @Test
  void aSignedGithubPushIsStoredOnceEvenWhenGithubRedeliversIt() throws Exception {
    String body = "{\"ref\": \"refs/heads/main\", \"repository\": {\"full_name\": \"argoproj/argo\"}}";
    String delivery = UUID.randomUUID().toString();

    HttpResponse<String> first = send(github(body, delivery, GithubReceiverTest.hex("HmacSHA256", GITHUB_SECRET, body)));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    MessageInfo stored = last("github", "example-without-api-credentials");
    CloudEvent event = CloudEventJson.decode(stored.getData());
    assertThat(event.type()).isEqualTo("github");
    assertThat(event.source()).isEqualTo("github");
    assertThat(event.data().at("/body/ref").asText()).isEqualTo("refs/heads/main");
    assertThat(event.data().at("/body/X-GitHub-Delivery").asText()).isEqualTo(delivery);
    assertThat(event.data().at("/body/X-GitHub-Event").asText()).isEqualTo("push");
    assertThat(event.data().at("/headers/X-Github-Delivery/0").asText()).isEqualTo(delivery);

    HttpResponse<String> again = send(github(body, delivery, GithubReceiverTest.hex("HmacSHA256", GITHUB_SECRET, body)));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(last("github", "example-without-api-credentials").getSeq()).isEqualTo(stored.getSeq());
    assertThat(sequence()).isEqualTo(stored.getSeq());
  }

  @Test
  void aGithubHookWithAWrongSignatureIsA400AndStoresNothing() throws Exception {
    long before = sequence();
    String body = "{\"ref\": \"refs/heads/main\"}";

    HttpResponse<String> response = send(github(body, "d-1", GithubReceiverTest.hex("HmacSHA256", "wrong", body)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("signature");
    assertThat(sequence()).isEqualTo(before);
  }

  @Test
  void aGitlabPushWithItsTokenIsStoredOnceAndAWrongTokenIsA400() throws Exception {
    String uuid = UUID.randomUUID().toString();
    String body = "{\"object_kind\": \"push\", \"project\": {\"path_with_namespace\": \"whynowy/test\"}}";

    HttpResponse<String> first = send(gitlab(body, GITLAB_TOKEN, uuid));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    MessageInfo stored = last("gitlab", "example");
    CloudEvent event = CloudEventJson.decode(stored.getData());
    assertThat(event.type()).isEqualTo("gitlab");
    assertThat(event.data().at("/body/object_kind").asText()).isEqualTo("push");
    assertThat(event.data().at("/headers/X-Gitlab-Event/0").asText()).isEqualTo("Push Hook");

    assertThat(send(gitlab(body, GITLAB_TOKEN, uuid)).statusCode()).isEqualTo(200);
    assertThat(sequence()).isEqualTo(stored.getSeq());

    HttpResponse<String> wrong = send(gitlab(body, "not-the-token", UUID.randomUUID().toString()));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).isEqualTo("token mismatch");
    assertThat(sequence()).isEqualTo(stored.getSeq());
  }

  private HttpRequest github(String body, String delivery, String sha256) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + githubPort + "/push"))
        .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", delivery).header("X-Hub-Signature-256", "sha256=" + sha256)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest gitlab(String body, String token, String uuid) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gitlabPort + "/push"))
        .header("Content-Type", "application/json").header("X-Gitlab-Event", "Push Hook")
        .header("X-Gitlab-Token", token).header("X-Gitlab-Event-UUID", uuid)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private MessageInfo last(String eventSource, String eventName) throws IOException, JetStreamApiException {
    return bus.management().getLastMessage(StandardStreams.EVENTS, Subjects.events(namespace, eventSource, eventName));
  }

  /** The stream's last sequence: unchanged means nothing new was stored by anyone. */
  private long sequence() throws IOException, JetStreamApiException {
    return bus.management().getStreamInfo(StandardStreams.EVENTS).getStreamState().getLastSequence();
  }

  private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
