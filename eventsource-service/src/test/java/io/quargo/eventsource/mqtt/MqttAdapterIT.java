package io.quargo.eventsource.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The mqtt source against a real mosquitto and our bus. */
@ExtendWith(NatsServerExtension.class)
class MqttAdapterIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "sensors-" + suffix;
  private final String topic = "quargo/it/" + suffix;
  private Mosquitto broker;
  private Mqtt3BlockingClient sender;

  @BeforeEach
  void startBroker() throws Exception {
    broker = Mosquitto.start();
    sender = MqttClient.builder().useMqttVersion3().identifier("sender-" + suffix).serverHost("127.0.0.1")
        .serverPort(broker.port).buildBlocking();
    sender.connect();
  }

  @AfterEach
  void stopBroker() throws Exception {
    sender.disconnect();
    broker.close();
  }

  @Test
  void publishesArgosPayload(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); MqttAdapter adapter = adapter(true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      send(topic + "/kitchen", "{\"temp\": 21}");

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("mqtt");
      assertThat(event.data().toString()).isEqualTo("{\"topic\":\"" + topic + "/kitchen\",\"messageId\":0,"
          + "\"body\":{\"temp\":21},\"metadata\":{\"room\":\"any\"}}");
    }
  }

  @Test
  void aMessageNotYetStoredComesAgainWithTheSessionAndSoDoesWhatWasSentMeanwhile(NatsTestServer nats)
      throws Exception {
    AtomicInteger received = new AtomicInteger();
    EventSink never = event -> {
      received.incrementAndGet();
      return new CompletableFuture<>();
    };
    try (MqttAdapter first = adapter(true)) {
      first.start(never);
      send(topic + "/a", "{\"n\": 0}");
      await().until(() -> received.get() == 1);
    }
    send(topic + "/a", "{\"n\": 1}"); // while no adapter runs: kept in the session
    try (BusFixture bus = BusFixture.connect(nats); MqttAdapter second = adapter(true)) {
      second.start(bus.sink("team", eventSource, Map.of()));
      await().untilAsserted(() -> assertThat(numbers(bus)).containsExactlyInAnyOrder(0, 1));
    }
  }

  @Test
  void aMessageStoredJustBeforeACrashIsStoredAgainBecauseMqttHasNoStableId(NatsTestServer nats) throws Exception {
    // the documented limit: the broker resends an unacknowledged message with nothing that identifies the copy
    try (BusFixture bus = BusFixture.connect(nats)) {
      EventSink storedButNeverAcknowledged = event -> bus.sink("team", eventSource, Map.of()).publish(event)
          .thenCompose(ok -> new CompletableFuture<>());
      try (MqttAdapter crashing = adapter(true)) {
        crashing.start(storedButNeverAcknowledged);
        send(topic + "/a", "{\"n\": 7}");
        await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(7));
      }
      try (MqttAdapter restarted = adapter(true)) {
        restarted.start(bus.sink("team", eventSource, Map.of()));
        await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(7, 7));
      }
    }
  }

  @Test
  void aMessageStoredButNotAcknowledgedIsRetriedUnderItsIdAndStoredOnce(NatsTestServer nats) throws Exception {
    List<SourceEvent> seen = new ArrayList<>();
    try (BusFixture bus = BusFixture.connect(nats); MqttAdapter adapter = adapter(true)) {
      // each of the first 3 publishes is stored and then reported failed, as when the bus's ack is lost
      adapter.start(BusFixture.failingAfterPublish(bus.sink("team", eventSource, Map.of()), 3, seen));
      sendNumbers(0, 3);
      await().atMost(Duration.ofSeconds(30)).until(() -> count(seen) == 6 && adapter.retryWaiting() == 0);
      assertThat(numbers(bus)).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void everyMessageReachesTheBusAcrossABusOutage(@NatsServerExtension.Dedicated NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); MqttAdapter adapter = adapter(true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      sendNumbers(0, 10);
      await().untilAsserted(() -> assertThat(numbers(bus)).hasSize(10));

      nats.stop();
      sendNumbers(10, 20);
      nats.start();
      sendNumbers(20, 30);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(numbers(bus)).hasSize(30));
      assertThat(numbers(bus)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
      await().until(() -> adapter.retryWaiting() == 0);
    }
  }

  @Test
  void anUnreachableBrokerFailsStartNamingTheAddress() {
    MqttSource source = new MqttSpecParser((ns, name, key) -> null).parse(Specs.eventSource("team", eventSource, "mqtt",
        "{\"example\": {\"url\": \"tcp://127.0.0.1:1\", \"topic\": \"t\", \"clientId\": \"c-" + suffix + "\","
            + " \"connectionBackoff\": {\"duration\": \"10ms\", \"steps\": 2}}}")).get(0);
    try (MqttAdapter adapter = new MqttAdapter(source)) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/" + eventSource + " mqtt.example: cannot connect to tcp://127.0.0.1:1 after 2 attempts");
    }
  }

  private MqttAdapter adapter(boolean jsonBody) {
    String spec = "{\"example\": {\"url\": \"" + broker.url() + "\", \"topic\": \"" + topic + "/+\", \"clientId\": \"quargo-"
        + suffix + "\", \"jsonBody\": " + jsonBody + ", \"metadata\": {\"room\": \"any\"}}}";
    return new MqttAdapter(new MqttSpecParser((ns, name, key) -> null).parse(Specs.eventSource("team", eventSource, "mqtt", spec))
        .get(0));
  }

  private List<Integer> numbers(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().map(d -> d.at("/body/n").asInt()).toList();
  }

  private static int count(List<SourceEvent> seen) {
    synchronized (seen) {
      return seen.size();
    }
  }

  private void sendNumbers(int from, int to) {
    for (int n = from; n < to; n++) {
      send(topic + "/n", "{\"n\": " + n + "}");
    }
  }

  private void send(String to, String payload) {
    sender.publishWith().topic(to).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
  }
}
