package io.quargo.eventsource.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.core.Json;
import io.quargo.eventsource.spi.SourceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublishRetryTest {
  private final SourceEvent event = new SourceEvent("e", "mqtt", StableIds.random(), null, Json.object());

  @Test
  void retriesTheSameEventUntilTheSinkStoresItThenRunsOnStoredOnce() {
    List<SourceEvent> attempts = new ArrayList<>();
    AtomicInteger stored = new AtomicInteger();
    try (PublishRetry retry = new PublishRetry("test")) {
      retry.deliver(e -> {
        synchronized (attempts) {
          attempts.add(e);
          return attempts.size() <= 3 ? CompletableFuture.failedFuture(new IllegalStateException("down"))
              : CompletableFuture.completedFuture(null);
        }
      }, event, stored::incrementAndGet);

      await().until(() -> stored.get() == 1);
      assertThat(retry.waiting()).isZero();
      synchronized (attempts) {
        assertThat(attempts).hasSize(4).allSatisfy(e -> assertThat(e).isSameAs(event));
      }
    }
  }

  @Test
  void closingGivesUpWaitingEventsWithoutStoringThem() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger stored = new AtomicInteger();
    PublishRetry retry = new PublishRetry("test");
    retry.deliver(e -> {
      attempts.incrementAndGet();
      return CompletableFuture.failedFuture(new IllegalStateException("down"));
    }, event, stored::incrementAndGet);
    await().until(() -> attempts.get() >= 2);
    assertThat(retry.waiting()).isEqualTo(1);

    retry.close();
    assertThat(stored.get()).isZero();
    AtomicInteger afterClose = new AtomicInteger();
    retry.deliver(e -> {
      afterClose.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }, event, stored::incrementAndGet);
    assertThat(afterClose.get()).isZero();
    assertThat(stored.get()).isZero();
  }

  @Test
  void stableIdsDependOnEveryPartAndOnlyOnThem() {
    assertThat(StableIds.of("amqp", "ns", "es", "e", "m-1")).hasSize(32)
        .isEqualTo(StableIds.of("amqp", "ns", "es", "e", "m-1"))
        .isNotEqualTo(StableIds.of("amqp", "ns", "es2", "e", "m-1"))
        .isNotEqualTo(StableIds.of("amqp", "nse", "s", "e", "m-1"));
    assertThat(StableIds.random()).hasSize(32).isNotEqualTo(StableIds.random());
  }
}
