package io.quargo.eventsource.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.calendar.BusFixture;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.core.secret.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The nats source between a second nats-server (the upstream) and our bus on the testkit's server. */
@ExtendWith(NatsServerExtension.class)
class NatsSourceIT {
  static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5), 16);

  private NatsTestServer upstream;
  private Connection client;

  @BeforeEach
  void startUpstream() throws Exception {
    upstream = NatsServers.dedicated();
    client = Nats.connect(upstream.url());
  }

  @AfterEach
  void stopUpstream() throws Exception {
    client.close();
    upstream.close();
  }

  static NatsSpec spec(String namespace, String natsJson) throws Exception {
    return new NatsSpecParser(SecretResolver.none()).parse(NatsSpecParserTest.eventSource(natsJson)).get(0)
        .withNamespace(namespace);
  }

  @Test
  void coreMessagesArriveShapedAsArgo(NatsTestServer nats) throws Exception {
    NatsSpec spec = spec("core", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"foo.>\","
        + " \"jsonBody\": true, \"metadata\": {\"team\": \"a\"}}}");
    NatsSpec raw = spec("core", "{\"raw\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"bar\"}}");
    try (BusFixture bus = new BusFixture(nats); NatsAdapter json = new NatsAdapter(spec, FAST);
        NatsAdapter bytes = new NatsAdapter(raw, FAST)) {
      json.start(bus.sink("core", "natsy"));
      bytes.start(bus.sink("core", "natsy"));
      Headers headers = new Headers().add("X-Trace", "t1", "t2");
      client.publish(NatsMessage.builder().subject("foo.x").headers(headers)
          .data("{\"n\": 1}", StandardCharsets.UTF_8).build());
      client.publish("bar", "hi".getBytes(StandardCharsets.UTF_8));
      await().until(() -> bus.stored("core", "natsy", "e").size() == 1 && bus.stored("core", "natsy", "raw").size() == 1);
      CloudEvent event = bus.stored("core", "natsy", "e").get(0);
      assertThat(event.type()).isEqualTo("nats");
      assertThat(event.source()).isEqualTo("natsy");
      assertThat(event.data().toString()).isEqualTo(
          "{\"subject\":\"foo.x\",\"body\":{\"n\":1},\"header\":{\"X-Trace\":[\"t1\",\"t2\"]},\"metadata\":{\"team\":\"a\"}}");
      assertThat(bus.stored("core", "natsy", "raw").get(0).data().toString())
          .isEqualTo("{\"subject\":\"bar\",\"body\":\"aGk=\"}");
    }
  }

  @Test
  void coreMessagesDuringABusOutageAreHeldAndPublishedAfterIt(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    NatsSpec spec = spec("core-outage", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"n\", \"jsonBody\": true}}");
    try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec, FAST)) {
      adapter.start(bus.sink("core-outage", "natsy"));
      publishNumbers("n", 0, 5);
      await().until(() -> bus.stored("core-outage", "natsy", "e").size() == 5);
      nats.stop();
      await().until(() -> bus.bus.nats().getStatus() != Connection.Status.CONNECTED);
      publishNumbers("n", 5, 10);
      nats.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> bus.stored("core-outage", "natsy", "e").size() >= 10);
      assertThat(numbers(bus.stored("core-outage", "natsy", "e"))).containsExactlyInAnyOrderElementsOf(range(0, 10));
    }
  }

  @Test
  void aCoreMessageStoredButNotAcknowledgedIsRetriedUnderItsIdAndStoredOnce(NatsTestServer nats) throws Exception {
    NatsSpec spec = spec("lost-ack", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"l\", \"jsonBody\": true}}");
    List<SourceEvent> seen = new ArrayList<>();
    AtomicInteger settled = new AtomicInteger();
    try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec, FAST)) {
      // each of the first 3 publishes is stored and then reported failed, as when the bus's ack is lost
      EventSink lossyAck = io.quargo.eventsource.amqp.BusFixture.failingAfterPublish(bus.sink("lost-ack", "natsy"), 3, seen);
      adapter.start(event -> lossyAck.publish(event).whenComplete((ok, error) -> settled.incrementAndGet()));
      publishNumbers("l", 0, 3);
      await().atMost(Duration.ofSeconds(30)).until(() -> settled.get() == 6); // 3 messages, 3 retries
      assertThat(numbers(bus.stored("lost-ack", "natsy", "e"))).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void jetStreamMessagesAreAckedUpstreamOnlyAfterOurBusStoredThem(
      @NatsServerExtension.Dedicated NatsTestServer nats) throws Exception {
    createStream("ORDERS", "orders.>");
    NatsSpec spec = spec("js", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"orders.>\", \"jsonBody\": true,"
        + " \"jetStream\": {\"stream\": \"ORDERS\", \"ackWait\": \"2s\"}}}");
    publishNumbers("orders.new", 0, 3); // before the source exists: a durable consumer still gets them
    try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec, FAST)) {
      adapter.start(bus.sink("js", "natsy"));
      await().until(() -> bus.stored("js", "natsy", "e").size() == 3);
      await().until(() -> consumer("ORDERS", "quargo-natsy-e").getAckFloor().getStreamSequence() == 3);

      nats.stop();
      await().until(() -> bus.bus.nats().getStatus() != Connection.Status.CONNECTED);
      publishNumbers("orders.new", 3, 10);
      // delivered but not acked while our bus is down
      await().until(() -> consumer("ORDERS", "quargo-natsy-e").getRedelivered() > 0);
      assertThat(consumer("ORDERS", "quargo-natsy-e").getAckFloor().getStreamSequence()).isEqualTo(3);

      nats.start();
      await().atMost(Duration.ofSeconds(60))
          .until(() -> consumer("ORDERS", "quargo-natsy-e").getAckFloor().getStreamSequence() == 10);
      List<CloudEvent> stored = bus.stored("js", "natsy", "e");
      assertThat(numbers(stored)).containsExactlyInAnyOrderElementsOf(range(0, 10));
      assertThat(stored.get(0).id()).isEqualTo("js:natsy:e:ORDERS:1");
      assertThat(stored.get(0).type()).isEqualTo("nats");
      assertThat(stored.get(0).data().toString()).isEqualTo("{\"subject\":\"orders.new\",\"body\":{\"n\":0}}");
    }
  }

  @Test
  void aRedeliveredJetStreamMessageIsNotDuplicatedOnOurBus(NatsTestServer nats) throws Exception {
    createStream("PAYMENTS", "payments.>");
    NatsSpec spec = spec("redeliver", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"jsonBody\": true,"
        + " \"jetStream\": {\"stream\": \"PAYMENTS\", \"durableName\": \"payments-source\"}}}");
    try (BusFixture bus = new BusFixture(nats)) {
      EventSink real = bus.sink("redeliver", "natsy");
      AtomicInteger attempts = new AtomicInteger();
      // the first publish of each event is stored but reported failed, as if the ack was lost on the way back
      EventSink lossyAck = event -> {
        CompletableFuture<Void> stored = real.publish(event);
        return attempts.incrementAndGet() % 2 == 1
            ? stored.thenCompose(ok -> CompletableFuture.failedFuture(new IllegalStateException("ack lost")))
            : stored;
      };
      try (NatsAdapter adapter = new NatsAdapter(spec, FAST)) {
        adapter.start(lossyAck);
        publishNumbers("payments.in", 0, 4);
        await().until(() -> consumer("PAYMENTS", "payments-source").getAckFloor().getStreamSequence() == 4);
      }
      assertThat(attempts.get()).isGreaterThanOrEqualTo(8);
      assertThat(numbers(bus.stored("redeliver", "natsy", "e"))).containsExactlyInAnyOrderElementsOf(range(0, 4));
    }
  }

  @Test
  void aMissingUpstreamStreamIsReportedAtStart(NatsTestServer nats) throws Exception {
    NatsSpec spec = spec("missing", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"jetStream\": {\"stream\": \"NOPE\"}}}");
    try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec, FAST)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.start(bus.sink("missing", "natsy")))
          .hasMessageStartingWith("spec.nats.e.jetStream.stream: no stream 'NOPE' on " + upstream.url());
    }
  }

  @Test
  void aDurableThatFiltersAnotherSubjectIsReported(NatsTestServer nats) throws Exception {
    createStream("MIXED", "mixed.>");
    NatsSpec first = spec("durable", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"mixed.a\","
        + " \"jetStream\": {\"stream\": \"MIXED\", \"durableName\": \"shared\"}}}");
    NatsSpec changed = spec("durable", "{\"e\": {\"url\": \"" + upstream.url() + "\", \"subject\": \"mixed.b\","
        + " \"jetStream\": {\"stream\": \"MIXED\", \"durableName\": \"shared\"}}}");
    try (BusFixture bus = new BusFixture(nats)) {
      try (NatsAdapter adapter = new NatsAdapter(first, FAST)) {
        adapter.start(bus.sink("durable", "natsy"));
      }
      try (NatsAdapter adapter = new NatsAdapter(changed, FAST)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.start(bus.sink("durable", "natsy")))
            .hasMessage("spec.nats.e.subject: the durable consumer 'shared' on stream MIXED filters 'mixed.a', not"
                + " 'mixed.b'; delete that consumer upstream or set another jetStream.durableName");
      }
    }
  }

  @Test
  void anUnreachableServerIsReportedAfterTheBackoff(NatsTestServer nats) throws Exception {
    NatsSpec spec = spec("down", "{\"e\": {\"url\": \"nats://127.0.0.1:1\", \"subject\": \"x\","
        + " \"connectionBackoff\": {\"duration\": \"10ms\", \"steps\": 2}}}");
    try (BusFixture bus = new BusFixture(nats); NatsAdapter adapter = new NatsAdapter(spec, FAST)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.start(bus.sink("down", "natsy")))
          .hasMessageStartingWith("spec.nats.e: cannot connect to the nats server at nats://127.0.0.1:1 after 2 attempts");
    }
  }

  private void createStream(String name, String subjects) throws Exception {
    client.jetStreamManagement().addStream(StreamConfiguration.builder().name(name).subjects(subjects)
        .storageType(StorageType.File).build());
  }

  private ConsumerInfo consumer(String stream, String durable) throws Exception {
    JetStreamManagement jsm = client.jetStreamManagement();
    return jsm.getConsumerInfo(stream, durable);
  }

  private void publishNumbers(String subject, int from, int to) throws Exception {
    for (int i = from; i < to; i++) {
      byte[] body = ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8);
      if (subject.startsWith("orders") || subject.startsWith("payments")) {
        client.jetStream().publish(subject, body);
      } else {
        client.publish(subject, body);
      }
    }
    client.flush(Duration.ofSeconds(5));
  }

  private static List<Integer> numbers(List<CloudEvent> events) {
    return events.stream().map(e -> e.data().at("/body/n").asInt()).toList();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

}
