package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.spi.SourceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No loss while our bus is down, and no duplicate on the bus for a redelivered message that has a messageId. */
@ExtendWith(NatsServerExtension.class)
class AmqpDeliveryGuaranteesIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String exchange = "quargo-it-x-" + suffix;
  private final String queue = "quargo-it-q-" + suffix;
  private final String eventSource = "orders-" + suffix;
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
  void everyMessageReachesTheBusAcrossABusOutage(@NatsServerExtension.Dedicated NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); AmqpAdapter adapter = adapter()) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      sendNumbers(0, 10, true);
      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(10));

      nats.stop();
      sendNumbers(10, 20, true);
      nats.start();
      sendNumbers(20, 30, true);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(numbers(bus)).hasSize(30));
      assertThat(numbers(bus)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
    }
    assertThat(Rabbit.ready(rabbit, queue)).isZero();
  }

  @Test
  void aRedeliveredMessageWithAMessageIdIsStoredOnce(NatsTestServer nats) throws Exception {
    List<SourceEvent> seen = new ArrayList<>();
    try (BusFixture bus = BusFixture.connect(nats); AmqpAdapter adapter = adapter()) {
      // the first 5 deliveries are stored but not acknowledged upstream, as when we crash between the two
      adapter.start(BusFixture.failingAfterPublish(bus.sink("team", eventSource, Map.of()), 5, seen));
      sendNumbers(0, 5, true);

      await().atMost(Duration.ofSeconds(30)).until(() -> seenCount(seen) == 10);
      await().untilAsserted(() -> assertThat(Rabbit.ready(rabbit, queue)).isZero());
      assertThat(numbers(bus)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }
  }

  @Test
  void withoutAMessageIdARedeliveredMessageIsStoredTwice(NatsTestServer nats) throws Exception {
    // the documented limit: an AMQP delivery tag is not stable, so nothing identifies the copy
    List<SourceEvent> seen = new ArrayList<>();
    try (BusFixture bus = BusFixture.connect(nats); AmqpAdapter adapter = adapter()) {
      adapter.start(BusFixture.failingAfterPublish(bus.sink("team", eventSource, Map.of()), 1, seen));
      sendNumbers(0, 1, false);

      await().atMost(Duration.ofSeconds(30)).until(() -> seenCount(seen) == 2);
      await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(0, 0));
    }
  }

  private static int seenCount(List<SourceEvent> seen) {
    synchronized (seen) {
      return seen.size();
    }
  }

  private List<Integer> numbers(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().map(d -> d.at("/body/n").asInt()).toList();
  }

  private AmqpAdapter adapter() {
    String spec = "{\"example\": {\"url\": \"" + Rabbit.URL + "\", \"jsonBody\": true,"
        + " \"exchangeName\": \"" + exchange + "\", \"exchangeType\": \"fanout\", \"routingKey\": \"r\","
        + " \"exchangeDeclare\": {\"durable\": false, \"autoDelete\": true},"
        + " \"queueDeclare\": {\"name\": \"" + queue + "\", \"durable\": true, \"exclusive\": false}}}";
    return new AmqpAdapter(new AmqpSpecParser((ns, name, key) -> null)
        .parse(Specs.eventSource("team", eventSource, "amqp", spec)).get(0));
  }

  private void sendNumbers(int from, int to, boolean withMessageId) throws Exception {
    try (Channel ch = rabbit.createChannel()) {
      for (int n = from; n < to; n++) {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
            .messageId(withMessageId ? "msg-" + suffix + "-" + n : null).build();
        ch.basicPublish(exchange, "r", props, ("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
