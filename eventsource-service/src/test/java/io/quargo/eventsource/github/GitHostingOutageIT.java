package io.quargo.eventsource.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.quargo.core.event.CloudEventJson;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.publish.PublisherOptions;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.gitlab.GitlabSpecParser;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookServers;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GitHub and GitLab hooks while our bus goes down: a hook is answered 503 (never 200) until the bus stores it, the
 * sender's redelivery under the same delivery id fills the gap, and a redelivery of a stored hook is not stored again.
 */
@ExtendWith(NatsServerExtension.class)
class GitHostingOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "outage-secret";

  @Test
  void githubAndGitlabRedeliveriesFillTheOutageAndAreStoredOnce(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    int githubPort = freePort();
    int gitlabPort = freePort();
    List<WebhookRoute> routes = new ArrayList<>();
    routes.addAll(new GithubSpecParser((ns, name, key) -> SECRET).parse(eventSource("github", """
        {"push": {"repositories": [{"owner": "argoproj", "names": ["argo-events"]}],
                  "webhook": {"endpoint": "/push", "port": "%d", "method": "POST"},
                  "events": ["*"], "webhookSecret": {"name": "github-access", "key": "secret"}}}
        """.formatted(githubPort))));
    routes.addAll(new GitlabSpecParser((ns, name, key) -> SECRET).parse(eventSource("gitlab", """
        {"push": {"projects": ["whynowy/test"], "webhook": {"endpoint": "/push", "port": "%d", "method": "POST"},
                  "events": ["PushEvents"], "secretToken": {"name": "gitlab-secret", "key": "token"}}}
        """.formatted(gitlabPort))));
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url(), "quargo.bus.reconnect-wait-max", "1s"));
    Vertx vertx = Vertx.vertx();
    try (BusConnection bus = BusConnection.connect(config)) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      Publisher publisher = new Publisher(bus, new PublisherOptions(64, Duration.ofSeconds(2)));
      BiFunction<String, Integer, HttpResponse<String>> github = (delivery, n) -> send(github(githubPort, delivery, n));
      BiFunction<String, Integer, HttpResponse<String>> gitlab = (delivery, n) -> send(gitlab(gitlabPort, delivery, n));
      try (WebhookServers ignored = WebhookServers.start(vertx, "127.0.0.1", routes, publisher)) {
        for (int n = 0; n < 3; n++) {
          assertThat(github.apply("gh-" + n, n).statusCode()).isEqualTo(200);
          assertThat(gitlab.apply("gl-" + n, n).statusCode()).isEqualTo(200);
        }

        nats.stop();
        await().until(() -> bus.nats().getStatus() != Connection.Status.CONNECTED);
        assertThat(github.apply("gh-3", 3).statusCode()).isEqualTo(503);
        assertThat(gitlab.apply("gl-3", 3).statusCode()).isEqualTo(503);
        nats.start();

        // the senders redeliver the refused hook until it is taken, and redeliver a stored one once more
        await().atMost(Duration.ofSeconds(30)).until(() -> github.apply("gh-3", 3).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> gitlab.apply("gl-3", 3).statusCode() == 200);
        assertThat(github.apply("gh-1", 1).statusCode()).isEqualTo(200);
        assertThat(gitlab.apply("gl-1", 1).statusCode()).isEqualTo(200);
        assertThat(github.apply("gh-4", 4).statusCode()).isEqualTo(200);
        assertThat(gitlab.apply("gl-4", 4).statusCode()).isEqualTo(200);

        assertThat(storedNumbers(bus, "github")).containsExactly(0, 1, 2, 3, 4);
        assertThat(storedNumbers(bus, "gitlab")).containsExactly(0, 1, 2, 3, 4);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static HttpRequest github(int port, String delivery, int n) {
    String body = "{\"ref\": \"refs/heads/main\", \"n\": " + n + "}";
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/push"))
        .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", "sha256=" + GithubReceiverTest.hex("HmacSHA256", SECRET, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static HttpRequest gitlab(int port, String uuid, int n) {
    String body = "{\"object_kind\": \"push\", \"n\": " + n + "}";
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/push"))
        .header("Content-Type", "application/json").header("X-Gitlab-Event", "Push Hook")
        .header("X-Gitlab-Token", SECRET).header("X-Gitlab-Event-UUID", uuid)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static List<Integer> storedNumbers(BusConnection bus, String eventSource) throws Exception {
    String subject = Subjects.events("outage", eventSource, "push");
    List<Integer> numbers = new ArrayList<>();
    try {
      for (long seq = 1; ; ) {
        var message = bus.management().getNextMessage(StandardStreams.EVENTS, seq, subject);
        numbers.add(CloudEventJson.decode(message.getData()).data().at("/body/n").asInt());
        seq = message.getSeq() + 1;
      }
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != 10037) { // no message found: read all
        throw e;
      }
    }
    return numbers;
  }

  private static Resource eventSource(String type, String spec) {
    try {
      return Resource.of((ObjectNode) JSON.readTree("""
          {"apiVersion": "argoproj.io/v1alpha1", "kind": "EventSource",
           "metadata": {"name": "%s", "namespace": "outage"}, "spec": {"%s": %s}}""".formatted(type, type, spec)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
