package io.quargo.eventbus.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class DurableConsumerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ConsumerOptions FAST_RETRY =
      ConsumerOptions.defaults().withBackoff(RetryBackoff.fixed(Duration.ofMillis(100)));

  private BusConnection bus;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void connect(NatsTestServer nats) {
    bus = BusConnection.connect(BusConfig.of(nats.url()));
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  @Test
  void messageIsRedeliveredToAnotherConsumerWhenTheFirstDiesBeforeAcking(NatsTestServer nats) throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(2), -1);
    BusConnection doomed = BusConnection.connect(BusConfig.of(nats.url()));
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DurableConsumer first = DurableConsumer.start(doomed, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      entered.countDown();
      release.await();
      return Outcome.ack();
    });
    long seq = f.publish(bus, "a", "payload");
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    doomed.nats().close(); // the replica dies mid-handler
    release.countDown();   // its ack goes nowhere
    await().atMost(WAIT).until(() -> !first.isRunning());

    try (DurableConsumer second = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      return Outcome.ack();
    })) {
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, seq));
    }
    first.close();
    assertThat(seen).containsExactly(new Seen(seq, 1), new Seen(seq, 2));
  }

  @Test
  void failedHandlerIsRedeliveredAndSucceededHandlerIsNot() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(5), -1);
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      if (d.deliveryCount() == 1) {
        throw new IllegalStateException("effect not recorded");
      }
      return Outcome.ack();
    }, FAST_RETRY)) {
      long seq = f.publish(bus, "a", "x");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, seq));
    }
    assertThat(seen).containsExactly(new Seen(1, 1), new Seen(1, 2));
  }

  @Test
  void retryInRedeliversAfterTheDelayNotBeforeLaterMessages() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(30), -1);
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      return d.streamSequence() == 1 && d.deliveryCount() == 1 ? Outcome.retryIn(Duration.ofSeconds(3)) : Outcome.ack();
    })) {
      f.publish(bus, "a", "1");
      f.publish(bus, "b", "2");
      long last = f.publish(bus, "c", "3");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, last));
    }
    // a plain NAK would put seq 1 back at the head of the queue, before seq 2
    assertThat(seen).containsExactly(new Seen(1, 1), new Seen(2, 1), new Seen(3, 1), new Seen(1, 2));
  }

  @Test
  void aDeliveryShowsWhereTheMessageIsAndWhatItCarries() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(5), -1);
    List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      deliveries.add(d);
      return Outcome.ack();
    })) {
      long seq = f.publish(bus, "evt-1", "{\"a\":1}");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, seq));
    }
    Delivery d = deliveries.get(0);
    assertThat(d.subject()).isEqualTo(f.subjectPrefix() + ".evt-1");
    assertThat(new String(d.data(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(d.header("Nats-Msg-Id")).contains("evt-1");
    assertThat(d.headers()).containsKey("Nats-Msg-Id");
    assertThat(d.stream()).isEqualTo(f.stream());
    assertThat(d.consumer()).isEqualTo(f.durable());
    assertThat(d.streamSequence()).isEqualTo(1);
    assertThat(d.deliveryCount()).isEqualTo(1);
    assertThat(d.timestamp()).isNotNull();
  }

  @Test
  void rejectedMessageIsTerminatedAndNeverRedelivered() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(1), -1);
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      return d.streamSequence() == 1 ? Outcome.reject("malformed event") : Outcome.ack();
    })) {
      f.publish(bus, "a", "bad");
      long last = f.publish(bus, "b", "good");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, last));
    }
    assertThat(seen).containsExactly(new Seen(1, 1), new Seen(2, 1));
    assertThat(f.info(bus).getRedelivered()).isZero();
  }

  @Test
  void heartbeatsKeepAHandlerLongerThanAckWaitFromBeingRedelivered() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(1), -1);
    // two handlers, so a redelivery would be picked up while the first still runs
    ConsumerOptions options = ConsumerOptions.defaults().withConcurrency(2);
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      Thread.sleep(3000);
      return Outcome.ack();
    }, options)) {
      assertThat(consumer.ackWait()).isEqualTo(Duration.ofSeconds(1));
      long seq = f.publish(bus, "a", "slow");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, seq));
    }
    assertThat(seen).containsExactly(new Seen(1, 1));
    assertThat(f.info(bus).getRedelivered()).isZero();
  }

  @Test
  void aMessageWaitingForABusyHandlerIsKeptFromBeingRedelivered() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(1), -1);
    CountDownLatch entered = new CountDownLatch(1);
    // one handler: the second message is pulled ahead and waits in the client longer than the ack wait
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      entered.countDown();
      Thread.sleep(d.streamSequence() == 1 ? 3000 : 0);
      return Outcome.ack();
    })) {
      f.publish(bus, "a", "slow");
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      long seq = f.publish(bus, "b", "waits");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, seq));
    }
    assertThat(seen).containsExactly(new Seen(1, 1), new Seen(2, 1));
    assertThat(f.info(bus).getRedelivered()).isZero();
  }

  @Test
  void lastAllowedDeliveryIsDeadLetteredOnceWithTheLastError() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(5), 3);
    List<String> deadLetters = new CopyOnWriteArrayList<>();
    ConsumerOptions options = FAST_RETRY.withDeadLetter(
        (d, error) -> deadLetters.add(Seen.of(d) + " " + error.getMessage()));
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      throw new IllegalStateException("boom " + d.deliveryCount());
    }, options)) {
      assertThat(consumer.maxDeliver()).isEqualTo(3);
      long seq = f.publish(bus, "a", "poison");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, seq));
      long after = f.publish(bus, "b", "next"); // the consumer goes on with later messages
      await().atMost(WAIT).until(() -> seen.contains(new Seen(after, 1)));
    }
    assertThat(seen).startsWith(new Seen(1, 1), new Seen(1, 2), new Seen(1, 3));
    assertThat(deadLetters).containsExactly("(seq 1, delivery 3) boom 3");
  }

  @Test
  void defaultConcurrencyKeepsStreamOrder() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(30), -1);
    long last = 0;
    for (int i = 1; i <= 20; i++) {
      last = f.publish(bus, "m" + i, "n" + i);
    }
    long lastSeq = last;
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      seen.add(Seen.of(d));
      return Outcome.ack();
    })) {
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, lastSeq));
    }
    assertThat(seen).extracting(Seen::seq).containsExactly(
        1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
  }

  @Test
  void concurrencyRunsThatManyHandlersAtOnce() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(30), -1);
    CyclicBarrier allThree = new CyclicBarrier(3); // passes only if three handlers run together
    try (DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      allThree.await(30, TimeUnit.SECONDS);
      seen.add(Seen.of(d));
      return Outcome.ack();
    }, ConsumerOptions.defaults().withConcurrency(3))) {
      f.publish(bus, "a", "1");
      f.publish(bus, "b", "2");
      long last = f.publish(bus, "c", "3");
      await().atMost(WAIT).until(() -> f.allSettledThrough(bus, last));
    }
    assertThat(seen).extracting(Seen::count).containsOnly(1L);
    assertThat(seen).hasSize(3);
  }

  @Test
  void closeLetsTheRunningHandlerFinishAndAck() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(30), -1);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DurableConsumer consumer = DurableConsumer.start(bus, f.stream(), f.durable(), d -> {
      entered.countDown();
      release.await();
      seen.add(Seen.of(d));
      return Outcome.ack();
    });
    long seq = f.publish(bus, "a", "1");
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    Thread closer = new Thread(consumer::close);
    closer.start();
    await().atMost(WAIT).until(() -> !consumer.isRunning());
    assertThat(closer.isAlive()).as("close waits for the running handler").isTrue();
    release.countDown();
    closer.join();

    assertThat(f.allSettledThrough(bus, seq)).isTrue();
    long unhandled = f.publish(bus, "b", "2"); // published after close: stays for the next consumer
    assertThat(f.info(bus).getNumPending()).isEqualTo(1);
    assertThat(seen).containsExactly(new Seen(seq, 1));
    assertThat(unhandled).isEqualTo(seq + 1);
  }

  @Test
  void keepsConsumingAcrossAServerRestart(@NatsServerExtension.Dedicated NatsTestServer nats) throws Exception {
    try (BusConnection own = BusConnection.connect(BusConfig.of(nats.url()))) {
      ConsumerFixture f = ConsumerFixture.create(own, Duration.ofSeconds(5), -1);
      try (DurableConsumer consumer = DurableConsumer.start(own, f.stream(), f.durable(), d -> {
        seen.add(Seen.of(d));
        return Outcome.ack();
      })) {
        f.publish(own, "before", "1");
        await().atMost(WAIT).until(() -> seen.size() == 1);
        nats.stop();
        await().atMost(WAIT).until(() -> !own.health().up());
        nats.start();
        await().atMost(WAIT).ignoreExceptions().until(() -> f.publish(own, "after", "2") == 2);
        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(consumer.isRunning()).isTrue();
      }
      assertThat(seen).containsExactly(new Seen(1, 1), new Seen(2, 1));
    }
  }

  @Test
  void missingConsumerIsAClearError() throws Exception {
    ConsumerFixture f = ConsumerFixture.create(bus, Duration.ofSeconds(5), -1);
    assertThatThrownBy(() -> DurableConsumer.start(bus, f.stream(), "no-such-durable", d -> Outcome.ack()))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("no-such-durable")
        .hasMessageContaining(f.stream())
        .hasMessageContaining("topology");
  }
}
