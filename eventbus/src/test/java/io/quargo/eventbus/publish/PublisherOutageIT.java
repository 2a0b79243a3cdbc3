package io.quargo.eventbus.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class PublisherOutageIT {
  private static final String STREAM = "OUTAGE";
  private static final String SUBJECT = "outage.events";

  @Test
  void publishingDuringAnOutageFailsLoudlyAndAckedMessagesSurviveTheRestart(
      @NatsServerExtension.Dedicated NatsTestServer nats) throws Exception {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url(), "quargo.bus.reconnect-wait-max", "1s"));
    try (BusConnection bus = BusConnection.connect(config)) {
      new Topology(bus).ensureStream(StreamSpec.of(STREAM, StreamLimits.defaults(), "outage.>"));
      Publisher publisher = new Publisher(bus, new PublisherOptions(32, Duration.ofSeconds(2)));
      List<PublishResult> acked = publishBeforeOutage(publisher);

      nats.stop();
      await().until(() -> bus.nats().getStatus() != Connection.Status.CONNECTED);

      assertThatThrownBy(() -> publisher.publish(SUBJECT, payload("during"), "during-sync", null))
          .isInstanceOfSatisfying(PublishException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.DISCONNECTED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.msgId()).isEqualTo("during-sync");
          })
          .hasMessageContaining("publish to " + SUBJECT).hasMessageContaining("nothing was sent");
      assertThatThrownBy(() -> publisher.publishAsync(SUBJECT, payload("during"), "during-async", null).join())
          .isInstanceOf(CompletionException.class).cause().isInstanceOf(PublishException.class);

      nats.start();
      PublishResult after = await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(PublishException.class)
          .until(() -> publisher.publish(SUBJECT, payload("after"), "after-1", null), r -> r != null);

      assertThat(after.duplicate()).isFalse();
      Set<String> storedIds = storedMsgIds(bus.management());
      for (PublishResult r : acked) {
        MessageInfo stored = bus.management().getMessage(STREAM, r.seq());
        assertThat(stored.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(r.msgId());
      }
      assertThat(storedIds).hasSize(acked.size() + 1).contains("after-1")
          .doesNotContain("during-sync", "during-async");
    }
  }

  private static List<PublishResult> publishBeforeOutage(Publisher publisher) {
    List<PublishResult> acked = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      acked.add(publisher.publish(SUBJECT, payload("sync-" + i), "sync-" + i, null));
    }
    List<CompletableFuture<PublishResult>> pending = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      pending.add(publisher.publishAsync(SUBJECT, payload("async-" + i), "async-" + i, null));
    }
    pending.forEach(f -> acked.add(f.join()));
    return acked;
  }

  private static Set<String> storedMsgIds(JetStreamManagement jsm) throws Exception {
    long last = jsm.getStreamInfo(STREAM).getStreamState().getLastSequence();
    Set<String> ids = new HashSet<>();
    for (long seq = 1; seq <= last; seq++) {
      ids.add(jsm.getMessage(STREAM, seq).getHeaders().getFirst("Nats-Msg-Id"));
    }
    return ids;
  }

  private static byte[] payload(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
