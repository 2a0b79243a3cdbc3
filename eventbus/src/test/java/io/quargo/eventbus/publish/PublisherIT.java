package io.quargo.eventbus.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.MessageInfo;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.PublishException.Reason;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.StreamSpec;
import io.quargo.eventbus.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class PublisherIT {
  private BusConnection bus;
  private Topology topology;
  private String id;
  private String stream;

  @BeforeEach
  void connect(NatsTestServer nats) {
    bus = BusConnection.connect(BusConfig.of(nats.url()));
    topology = new Topology(bus);
    id = UUID.randomUUID().toString().substring(0, 8);
    stream = "P" + id;
    topology.ensureStream(StreamSpec.of(stream, StreamLimits.defaults(), "p" + id + ".>"));
  }

  @AfterEach
  void close() {
    bus.close();
  }

  @Test
  void aRepublishedIdIsStoredOnce() throws Exception {
    Publisher publisher = new Publisher(bus);
    byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);

    PublishResult first = publisher.publish("p" + id + ".a", payload, "event-1", null);
    PublishResult second = publisher.publish("p" + id + ".a", payload, "event-1", null);

    assertThat(first.duplicate()).isFalse();
    assertThat(first.stream()).isEqualTo(stream);
    assertThat(second.duplicate()).isTrue();
    assertThat(second.seq()).isEqualTo(first.seq());
    assertThat(bus.management().getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(1);
  }

  @Test
  void tenThousandAsyncPublishesAreAllAckedWithBoundedInFlight() throws Exception {
    int maxInFlight = 128;
    Publisher publisher = new Publisher(bus, new PublisherOptions(maxInFlight, Duration.ofSeconds(30)));
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    int peak = 0;

    for (int i = 0; i < 10_000; i++) {
      futures.add(publisher.publishAsync("p" + id + ".bulk", Integer.toString(i).getBytes(StandardCharsets.UTF_8),
          "m-" + i, null));
      peak = Math.max(peak, publisher.inFlight());
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

    assertThat(peak).isLessThanOrEqualTo(maxInFlight).isGreaterThan(1);
    Set<Long> seqs = new HashSet<>();
    for (CompletableFuture<PublishResult> f : futures) {
      PublishResult r = f.join();
      assertThat(r.duplicate()).isFalse();
      seqs.add(r.seq());
    }
    assertThat(seqs).hasSize(10_000);
    assertThat(bus.management().getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(10_000);
    await().untilAsserted(() -> assertThat(publisher.inFlight()).isZero());
  }

  @Test
  void aFullPublisherBlocksTheCallerUntilAnAckArrives() throws Exception {
    // a responder that holds publishes unanswered, standing in for a slow stream
    LinkedBlockingQueue<Message> held = new LinkedBlockingQueue<>();
    Dispatcher dispatcher = bus.nats().createDispatcher(held::add);
    dispatcher.subscribe("slow" + id + ".>");
    bus.nats().flush(Duration.ofSeconds(5));
    Publisher publisher = new Publisher(bus, new PublisherOptions(2, Duration.ofMinutes(1)));

    CompletableFuture<PublishResult> first = publisher.publishAsync("slow" + id + ".a", new byte[1], "1", null);
    publisher.publishAsync("slow" + id + ".a", new byte[1], "2", null);
    AtomicReference<CompletableFuture<PublishResult>> third = new AtomicReference<>();
    Thread caller = new Thread(() -> third.set(publisher.publishAsync("slow" + id + ".a", new byte[1], "3", null)));
    caller.start();

    await().until(() -> caller.getState() == Thread.State.WAITING);
    assertThat(third.get()).isNull();
    assertThat(publisher.inFlight()).isEqualTo(2);

    ack(held.take(), 1);
    assertThat(first.join()).isEqualTo(new PublishResult("slow" + id + ".a", "1", "FAKE", 1, false));
    caller.join();
    assertThat(third.get()).isNotNull();
    ack(held.take(), 2);
    ack(held.take(), 3);
    assertThat(third.get().join().seq()).isEqualTo(3);
    bus.nats().closeDispatcher(dispatcher);
  }

  @Test
  void aNonBlockingViewRefusesAtOnceWhenTheSharedWindowIsFullAndCompletesOnItsExecutor() throws Exception {
    LinkedBlockingQueue<Message> held = new LinkedBlockingQueue<>();
    Dispatcher dispatcher = bus.nats().createDispatcher(held::add);
    dispatcher.subscribe("busy" + id + ".>");
    bus.nats().flush(Duration.ofSeconds(5));
    Publisher publisher = new Publisher(bus, new PublisherOptions(1, Duration.ofMinutes(1)));
    AtomicReference<String> completedOn = new AtomicReference<>();
    Publisher nonBlocking = publisher.nonBlocking(task -> {
      completedOn.set("callbacks");
      task.run();
    });

    CompletableFuture<PublishResult> first = nonBlocking.publishAsync("busy" + id + ".a", new byte[1], "1", null);
    // the window is shared with the blocking publisher: it is full for both
    assertThat(publisher.inFlight()).isEqualTo(1);
    assertThatThrownBy(() -> nonBlocking.publishAsync("busy" + id + ".a", new byte[1], "2", null))
        .isInstanceOfSatisfying(PublishException.class, e -> {
          assertThat(e.reason()).isEqualTo(PublishException.Reason.BUSY);
          assertThat(e.retryable()).isTrue();
        });

    ack(held.take(), 1);
    assertThat(first.join().seq()).isEqualTo(1);
    assertThat(completedOn.get()).isEqualTo("callbacks");
    assertThat(publisher.inFlight()).isZero();
    assertThat(held).isEmpty(); // the refused publish was never sent
    bus.nats().closeDispatcher(dispatcher);
  }

  @Test
  void aSubjectNoStreamCapturesFailsLoudly() {
    Publisher publisher = new Publisher(bus);
    String subject = "nowhere" + id + ".x";

    assertThatThrownBy(() -> publisher.publish(subject, new byte[1], "x", null))
        .isInstanceOfSatisfying(PublishException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NO_STREAM);
          assertThat(e.subject()).isEqualTo(subject);
        })
        .hasMessageContaining("publish to " + subject);
    assertThatThrownBy(() -> publisher.publishAsync(subject, new byte[1], "y", null).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_STREAM));
  }

  @Test
  void aStreamThatRefusesIsARejectionNotARetry() {
    String full = "F" + id;
    topology.ensureStream(StreamSpec.of(full, StreamLimits.defaults().withMaxMsgs(1), "f" + id + ".>")
        .withDiscard(DiscardPolicy.New));
    Publisher publisher = new Publisher(bus);
    publisher.publish("f" + id + ".a", new byte[1], "1", null);

    assertThatThrownBy(() -> publisher.publish("f" + id + ".a", new byte[1], "2", null))
        .isInstanceOfSatisfying(PublishException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.REJECTED);
          assertThat(e.retryable()).isFalse();
        })
        .hasMessageContaining("maximum messages");
  }

  @Test
  void aCloudEventGoesOutAsArgoJsonWithItsIdAsMsgId() throws Exception {
    ObjectNode data = Json.object();
    data.putObject("body").put("message", "hello");
    CloudEvent event = CloudEvent.builder().source("webhook").type("webhook").subject("example").data(data).build();
    String namespace = "ns" + id;
    topology.ensureStream(StreamSpec.of("E" + id, StreamLimits.defaults(), "events." + namespace + ".>"));
    Publisher publisher = new Publisher(bus);

    PublishResult result = publisher.publishEvent(namespace, event);
    PublishResult again = publisher.publishEventAsync(namespace, event).join();

    assertThat(result.subject()).isEqualTo("events." + namespace + ".webhook.example");
    assertThat(again.duplicate()).isTrue();
    MessageInfo stored = bus.management().getMessage("E" + id, result.seq());
    assertThat(stored.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(event.id());
    assertThat(stored.getHeaders().getFirst("Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(CloudEventJson.decode(stored.getData())).isEqualTo(event);
  }

  @Test
  void invalidArgumentsAreRefusedBeforeSending() {
    Publisher publisher = new Publisher(bus);
    CloudEvent dotted = CloudEvent.builder().source("my.es").type("webhook").subject("example").build();

    assertThatThrownBy(() -> publisher.publishEvent("ns", dotted))
        .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
        .hasMessageContaining("event source name 'my.es'");
    assertThatThrownBy(() -> publisher.publish("p" + id + ".*", new byte[1], null, Map.of()))
        .hasMessageContaining("without wildcards");
    assertThatThrownBy(() -> publisher.publishAsync("p" + id + ".a", null, "x", null))
        .hasMessageContaining("payload is null");
  }

  private void ack(Message request, long seq) {
    bus.nats().publish(request.getReplyTo(), ("{\"stream\":\"FAKE\",\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
  }
}
