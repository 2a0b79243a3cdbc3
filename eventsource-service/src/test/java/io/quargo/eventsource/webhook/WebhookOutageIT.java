package io.quargo.eventsource.webhook;

import io.quargo.core.secret.SecretResolver;
import static io.quargo.eventsource.webhook.WebhookHttp.eventSource;
import static io.quargo.eventsource.webhook.WebhookHttp.freePort;
import static io.quargo.eventsource.webhook.WebhookHttp.post;
import static io.quargo.eventsource.webhook.WebhookHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.publish.PublisherOptions;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bus goes down under a webhook: senders get 503 (and retry), never a 200 for an event that was not stored. */
@ExtendWith(NatsServerExtension.class)
class WebhookOutageIT {

  @Test
  void aDownBusAnswers503AndEveryAcknowledgedEventSurvivesTheRestart(
      @NatsServerExtension.Dedicated NatsTestServer nats) throws Exception {
    int port = freePort();
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url(), "quargo.bus.reconnect-wait-max", "1s"));
    Vertx vertx = Vertx.vertx();
    try (BusConnection bus = BusConnection.connect(config)) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      String webhook = "{\"example\": {\"port\": \"" + port + "\", \"endpoint\": \"/example\", \"method\": \"POST\"}}";
      List<WebhookRoute> routes = new WebhookSpecParser(SecretResolver.none())
          .parse(eventSource("outage", "hooks", webhook));
      Publisher publisher = new Publisher(bus, new PublisherOptions(64, Duration.ofSeconds(2)));
      try (WebhookServers ignored = WebhookServers.start(vertx, "127.0.0.1", routes, publisher)) {
        List<Integer> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          assertThat(postNumber(port, i).statusCode()).isEqualTo(200);
          acknowledged.add(i);
        }

        nats.stop();
        await().until(() -> bus.nats().getStatus() != Connection.Status.CONNECTED);
        HttpResponse<String> down = postNumber(port, 20);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("failed to record event").contains("retry later");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();

        nats.start();
        // the sender's retry of event 20 goes through once the bus is back
        await().atMost(Duration.ofSeconds(30)).until(() -> postNumber(port, 20).statusCode() == 200);
        acknowledged.add(20);
        for (int i = 21; i < 30; i++) {
          assertThat(postNumber(port, i).statusCode()).isEqualTo(200);
          acknowledged.add(i);
        }

        assertThat(storedNumbers(bus.management())).containsExactlyElementsOf(acknowledged);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static HttpResponse<String> postNumber(int port, int n) {
    return send(post(port, "/example", "{\"n\": " + n + "}"));
  }

  private static List<Integer> storedNumbers(JetStreamManagement jsm) throws Exception {
    long last = jsm.getStreamInfo(StandardStreams.EVENTS).getStreamState().getLastSequence();
    List<Integer> numbers = new ArrayList<>();
    for (long seq = 1; seq <= last; seq++) {
      MessageInfo message = jsm.getMessage(StandardStreams.EVENTS, seq);
      if (message.getSubject().equals("events.outage.hooks.example")) {
        numbers.add(CloudEventJson.decode(message.getData()).data().at("/body/n").asInt());
      }
    }
    return numbers;
  }
}
