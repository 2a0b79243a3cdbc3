package io.quargo.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kafka source against a KRaft broker in this JVM and our bus. */
@ExtendWith(NatsServerExtension.class)
class KafkaAdapterIT {
  private static KafkaBroker kafka;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "kafka-" + suffix;
  private final String topic = "topic-" + suffix;
  private final String group = "group-" + suffix;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaBroker.start();
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void publishesArgosPayloadAndCommitsAfterTheBusStoredIt(NatsTestServer nats) throws Exception {
    kafka.createTopic(topic, 1);
    kafka.send(topic, 0, "k1", "{\"order\": 42}", Map.of("trace", "t-1"));
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = groupAdapter(true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("kafka");
      JsonNode data = event.data();
      assertThat(data.get("topic").asText()).isEqualTo(topic);
      assertThat(data.get("key").asText()).isEqualTo("k1");
      assertThat(data.get("partition").asInt()).isZero();
      assertThat(data.get("body").toString()).isEqualTo("{\"order\":42}");
      assertThat(data.get("headers").toString()).isEqualTo("{\"trace\":\"t-1\"}");
      assertThat(data.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC");
      assertThat(data.get("metadata").toString()).isEqualTo("{\"team\":\"a\"}");
      await().untilAsserted(() -> assertThat(kafka.committed(group, topic, 0)).isEqualTo(1));
    }
  }

  @Test
  void aValueThatIsNotJsonUnderJsonBodyIsSkippedAndCommittedPast(NatsTestServer nats) throws Exception {
    kafka.createTopic(topic, 1);
    kafka.send(topic, 0, null, "not json", Map.of());
    kafka.send(topic, 0, null, "{\"n\": 1}", Map.of());
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = groupAdapter(true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      await().untilAsserted(() -> assertThat(kafka.committed(group, topic, 0)).isEqualTo(2));
      assertThat(numbers(bus)).containsExactly(1);
    }
  }

  @Test
  void withoutAGroupItReadsThePartitionFromTheNewestOffset(NatsTestServer nats) throws Exception {
    kafka.createTopic(topic, 2);
    kafka.send(topic, 1, null, "{\"n\": 0}", Map.of());
    String spec = "{\"example\": {\"url\": \"" + kafka.bootstrap() + "\", \"topic\": \"" + topic
        + "\", \"partition\": \"1\", \"jsonBody\": true}}";
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = adapter(spec)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      kafka.send(topic, 0, null, "{\"n\": 1}", Map.of()); // another partition: not read
      kafka.send(topic, 1, null, "{\"n\": 2}", Map.of());

      await().untilAsserted(() -> assertThat(numbers(bus)).contains(2));
      kafka.send(topic, 1, null, "{\"n\": 3}", Map.of());
      await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(2, 3));
    }
  }

  @Test
  void recordsStoredButNotCommittedBeforeACrashAreNotDuplicated(NatsTestServer nats) throws Exception {
    kafka.createTopic(topic, 1);
    for (int n = 0; n < 3; n++) {
      kafka.send(topic, 0, null, "{\"n\": " + n + "}", Map.of());
    }
    try (BusFixture bus = BusFixture.connect(nats)) {
      EventSink real = bus.sink("team", eventSource, Map.of());
      try (KafkaAdapter crashing = groupAdapter(true)) {
        // stores the event, then the process "dies" before the bus's ack reaches the commit
        crashing.start(event -> real.publish(event).thenCompose(ok -> new CompletableFuture<Void>()));
        await().untilAsserted(() -> assertThat(numbers(bus)).isNotEmpty());
      }
      assertThat(kafka.committed(group, topic, 0)).isEqualTo(-1);
      int storedBeforeRestart = numbers(bus).size();

      List<SourceEvent> reread = new ArrayList<>();
      try (KafkaAdapter restarted = groupAdapter(true)) {
        restarted.start(recording(real, reread));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kafka.committed(group, topic, 0)).isEqualTo(3));
      }
      synchronized (reread) {
        assertThat(reread).hasSize(3); // read again from the last commit, including what the bus had
      }
      assertThat(storedBeforeRestart).isPositive();
      assertThat(numbers(bus)).containsExactly(0, 1, 2);
    }
  }

  @Test
  void aRecordWhosePublishFailedIsReadAgainWithoutDuplicate(NatsTestServer nats) throws Exception {
    kafka.createTopic(topic, 1);
    List<SourceEvent> seen = new ArrayList<>();
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = groupAdapter(true)) {
      adapter.start(BusFixture.failingAfterPublish(bus.sink("team", eventSource, Map.of()), 2, seen));
      for (int n = 0; n < 3; n++) {
        kafka.send(topic, 0, null, "{\"n\": " + n + "}", Map.of());
      }
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kafka.committed(group, topic, 0)).isEqualTo(3));
      synchronized (seen) {
        assertThat(seen.size()).isGreaterThanOrEqualTo(5); // two failures, each read again
      }
      assertThat(numbers(bus)).containsExactly(0, 1, 2);
    }
  }

  @Test
  void everyRecordReachesTheBusOnceAcrossABusOutage(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    kafka.createTopic(topic, 2);
    try (BusFixture bus = BusFixture.connect(nats); KafkaAdapter adapter = groupAdapter(true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      send(0, 10);
      await().untilAsserted(() -> assertThat(numbers(bus)).hasSize(10));

      nats.stop();
      send(10, 20);
      nats.start();
      send(20, 30);

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(numbers(bus)).hasSize(30));
      assertThat(numbers(bus)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
      await().untilAsserted(() -> assertThat(kafka.committed(group, topic, 0) + kafka.committed(group, topic, 1))
          .isEqualTo(30));
    }
  }

  private void send(int from, int to) throws Exception {
    for (int n = from; n < to; n++) {
      kafka.send(topic, n % 2, null, "{\"n\": " + n + "}", Map.of());
    }
  }

  private KafkaAdapter groupAdapter(boolean oldest) {
    return adapter("{\"example\": {\"url\": \"" + kafka.bootstrap() + "\", \"topic\": \"" + topic
        + "\", \"jsonBody\": true, \"metadata\": {\"team\": \"a\"}, \"consumerGroup\": {\"groupName\": \"" + group
        + "\", \"oldest\": " + oldest + "}}}");
  }

  private KafkaAdapter adapter(String spec) {
    return new KafkaAdapter(new KafkaSpecParser((ns, name, key) -> null)
        .parse(Specs.eventSource("team", eventSource, "kafka", spec)).get(0));
  }

  private static EventSink recording(EventSink sink, List<SourceEvent> seen) {
    return event -> {
      synchronized (seen) {
        seen.add(event);
      }
      return sink.publish(event);
    };
  }

  private List<Integer> numbers(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().map(d -> d.at("/body/n").asInt()).toList();
  }
}
