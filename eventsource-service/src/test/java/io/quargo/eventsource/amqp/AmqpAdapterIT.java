package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The amqp source against a real RabbitMQ and our bus: Argo's payload, ack only after the bus stored the event. */
@ExtendWith(NatsServerExtension.class)
class AmqpAdapterIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String exchange = "quargo-it-x-" + suffix;
  private final String queue = "quargo-it-q-" + suffix;
  private Connection rabbit;

  @BeforeEach
  void connect() {
    rabbit = Rabbit.connect();
  }

  @AfterEach
  void cleanUp() throws Exception {
    Rabbit.deleteQueue(rabbit, queue);
    rabbit.close();
  }

  @Test
  void publishesArgosPayloadAndAcksOnlyAfterTheBusStoredIt(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); AmqpAdapter adapter = adapter("orders-" + suffix)) {
      adapter.start(bus.sink("team", "orders-" + suffix, Map.of()));
      AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json").messageId("m-1")
          .timestamp(new Date(1_704_103_200_000L)).priority(3).appId("shop").build();
      send("created", props, "{\"n\": 1}");

      await().untilAsserted(() -> assertThat(bus.stored("team", "orders-" + suffix, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", "orders-" + suffix, "example").get(0);
      assertThat(event.type()).isEqualTo("amqp");
      assertThat(event.source()).isEqualTo("orders-" + suffix);
      assertThat(event.subject()).isEqualTo("example");
      JsonNode data = event.data();
      assertThat(data.get("body").get("n").asInt()).isEqualTo(1);
      assertThat(data.get("messageId").asText()).isEqualTo("m-1");
      assertThat(data.get("exchange").asText()).isEqualTo(exchange);
      assertThat(data.get("routingKey").asText()).isEqualTo("created");
      assertThat(data.get("timestamp").asText()).isEqualTo("2024-01-01 10:00:00 +0000 UTC");
      assertThat(data.get("priority").asInt()).isEqualTo(3);
      assertThat(data.get("metadata").get("team").asText()).isEqualTo("a");
    }
    // acknowledged: nothing went back to the queue when the adapter closed
    assertThat(Rabbit.ready(rabbit, queue)).isZero();
  }

  @Test
  void aDeliveryWhosePublishNeverCompletedGoesBackToTheQueue() throws Exception {
    List<SourceEvent> seen = new ArrayList<>();
    EventSink never = event -> {
      synchronized (seen) {
        seen.add(event);
      }
      return new CompletableFuture<>();
    };
    try (AmqpAdapter adapter = adapter("pending")) {
      adapter.start(never);
      send("k", new AMQP.BasicProperties(), "{\"n\": 2}");
      await().until(() -> seen.size() == 1);
      assertThat(Rabbit.ready(rabbit, queue)).isZero(); // delivered, unacknowledged
    }
    await().untilAsserted(() -> assertThat(Rabbit.ready(rabbit, queue)).isEqualTo(1));
  }

  @Test
  void aFailedPublishIsRequeuedAndRedeliveredUntilItIsStored(NatsTestServer nats) throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (BusFixture bus = BusFixture.connect(nats); AmqpAdapter adapter = adapter("retry-" + suffix)) {
      EventSink real = bus.sink("team", "retry-" + suffix, Map.of());
      adapter.start(event -> attempts.incrementAndGet() <= 2
          ? CompletableFuture.failedFuture(new IllegalStateException("bus down"))
          : real.publish(event));
      send("k", new AMQP.BasicProperties(), "{\"n\": 3}");

      await().atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(bus.stored("team", "retry-" + suffix, "example")).hasSize(1));
      assertThat(attempts.get()).isEqualTo(3);
    }
    assertThat(Rabbit.ready(rabbit, queue)).isZero();
  }

  @Test
  void aBodyThatIsNotJsonUnderJsonBodyIsRejectedNotRequeued() throws Exception {
    AtomicInteger published = new AtomicInteger();
    try (AmqpAdapter adapter = adapter("poison-" + suffix)) {
      adapter.start(event -> {
        published.incrementAndGet();
        return CompletableFuture.completedFuture(null);
      });
      send("k", new AMQP.BasicProperties(), "not json");
      send("k", new AMQP.BasicProperties(), "{\"n\": 1}");
      await().until(() -> published.get() == 1);
    }
    assertThat(Rabbit.ready(rabbit, queue)).isZero();
    assertThat(published.get()).isEqualTo(1);
  }

  @Test
  void argosDefaultsDeclareAServerNamedExclusiveQueue(NatsTestServer nats) throws Exception {
    String defaults = "defaults-" + suffix;
    String spec = "{\"example\": {\"url\": \"" + Rabbit.URL + "\", \"exchangeName\": \"" + defaults + "\","
        + " \"exchangeType\": \"fanout\", \"routingKey\": \"r\"}}";
    AmqpSource source = new AmqpSpecParser((ns, name, key) -> null).parse(Specs.eventSource("team", defaults, "amqp", spec)).get(0);
    try (BusFixture bus = BusFixture.connect(nats); AmqpAdapter adapter = new AmqpAdapter(source)) {
      adapter.start(bus.sink("team", defaults, Map.of()));
      try (Channel ch = rabbit.createChannel()) {
        ch.basicPublish(defaults, "r", null, "raw".getBytes(StandardCharsets.UTF_8));
      }
      await().untilAsserted(() -> assertThat(bus.storedData("team", defaults, "example"))
          .singleElement().satisfies(d -> assertThat(d.get("body").asText()).isEqualTo("cmF3")));
    } finally {
      try (Channel ch = rabbit.createChannel()) {
        ch.exchangeDelete(defaults); // Argo's default exchange is durable
      }
    }
  }

  @Test
  void anUnreachableBrokerFailsStartNamingTheAddressButNotThePassword() {
    AmqpSource source = parse("orders", "amqp://guest:topsecret@127.0.0.1:1", false, "\"connectionBackoff\":"
        + " {\"duration\": \"10ms\", \"steps\": 2},");
    try (AmqpAdapter adapter = new AmqpAdapter(source)) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/orders amqp.example: cannot connect to amqp://127.0.0.1:1 after 2 attempts")
          .hasMessageNotContaining("topsecret");
    }
  }

  private AmqpAdapter adapter(String eventSource) {
    return new AmqpAdapter(parse(eventSource, Rabbit.URL, true, ""));
  }

  private AmqpSource parse(String eventSource, String url, boolean jsonBody, String extra) {
    String spec = "{\"example\": {\"url\": \"" + url + "\", \"jsonBody\": " + jsonBody + ", " + extra
        + " \"exchangeName\": \"" + exchange + "\", \"exchangeType\": \"topic\", \"routingKey\": \"#\","
        + " \"exchangeDeclare\": {\"durable\": false, \"autoDelete\": true},"
        + " \"queueDeclare\": {\"name\": \"" + queue + "\", \"durable\": true, \"exclusive\": false},"
        + " \"metadata\": {\"team\": \"a\"}}}";
    return new AmqpSpecParser((ns, name, key) -> null).parse(Specs.eventSource("team", eventSource, "amqp", spec)).get(0);
  }

  private void send(String routingKey, AMQP.BasicProperties props, String body) throws Exception {
    try (Channel ch = rabbit.createChannel()) {
      ch.basicPublish(exchange, routingKey, props, body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
