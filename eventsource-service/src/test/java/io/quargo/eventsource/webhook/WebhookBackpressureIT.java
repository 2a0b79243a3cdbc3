package io.quargo.eventsource.webhook;

import io.quargo.core.secret.SecretResolver;
import static io.quargo.eventsource.webhook.WebhookHttp.eventSource;
import static io.quargo.eventsource.webhook.WebhookHttp.freePort;
import static io.quargo.eventsource.webhook.WebhookHttp.post;
import static io.quargo.eventsource.webhook.WebhookHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.publish.PublisherOptions;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With every in-flight slot awaiting its ack, the next request is answered 503 at once instead of blocking an
 * event loop, and the held request still gets its 200 once its ack arrives.
 */
class WebhookBackpressureIT {
  private final String namespace = "bp" + UUID.randomUUID().toString().substring(0, 8);
  private final int port = freePort();
  private final LinkedBlockingQueue<Message> held = new LinkedBlockingQueue<>();
  private NatsTestServer nats;
  private BusConnection bus;
  private Dispatcher responder;
  private Vertx vertx;
  private WebhookServers servers;

  @BeforeEach
  void start() throws Exception {
    // a private server: a shared one may hold an EVENTS stream that would answer for the held responder
    nats = NatsServers.dedicated();
    bus = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", nats.url())));
    // no stream: a responder that holds publishes unanswered stands in for a slow JetStream
    responder = bus.nats().createDispatcher(held::add);
    responder.subscribe("events." + namespace + ".>");
    bus.nats().flush(Duration.ofSeconds(5));
    vertx = Vertx.vertx();
    String webhook = """
        {"example": {"port": "%d", "endpoint": "/example", "method": "POST"}}""".formatted(port);
    servers = WebhookServers.start(vertx, "127.0.0.1",
        new WebhookSpecParser(SecretResolver.none()).parse(eventSource(namespace, "hooks", webhook)),
        new Publisher(bus, new PublisherOptions(1, Duration.ofMinutes(1))));
  }

  @AfterEach
  void stop() {
    servers.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    bus.nats().closeDispatcher(responder);
    bus.close();
    nats.close();
  }

  @Test
  void aFullWindowIsA503WhileTheHeldRequestStillGetsItsAck() throws Exception {
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> send(post(port, "/example", "{\"n\": 1}")));
    Message pending = held.poll(30, TimeUnit.SECONDS);
    assertThat(pending).as("the first publish reached the bus").isNotNull();

    HttpResponse<String> second = send(post(port, "/example", "{\"n\": 2}"));

    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.headers().firstValue("Retry-After")).contains("1");
    assertThat(second.body()).contains("in-flight");
    assertThat(first).isNotDone();
    bus.nats().publish(pending.getReplyTo(), "{\"stream\":\"EVENTS\",\"seq\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(held).isEmpty(); // the refused request was never sent
  }
}
