package io.quargo.eventsource.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.spi.EventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Calendar events on the real bus: one per tick across replicas, none lost to a bus outage, catch-up from KV. */
@ExtendWith(NatsServerExtension.class)
class CalendarIT {
  static final CalendarTiming FAST =
      new CalendarTiming(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5));

  @Test
  void twoReplicasPublishEachTickExactlyOnce(NatsTestServer nats) throws Exception {
    CalendarSpec spec = CalendarAdapterTest.spec("{\"e\": {\"schedule\": \"* * * * *\"}}")
        .withNamespace("replicas");
    MovableClock clock = new MovableClock(Instant.parse("2024-01-01T10:00:30Z"));
    try (BusFixture a = new BusFixture(nats); BusFixture b = new BusFixture(nats);
        CalendarAdapter replicaA = new CalendarAdapter(spec, KvTickLedger.ensure(a.bus), clock, FAST);
        CalendarAdapter replicaB = new CalendarAdapter(spec, KvTickLedger.ensure(b.bus), clock, FAST)) {
      replicaA.start(a.sink("replicas", "cal"));
      replicaB.start(b.sink("replicas", "cal"));
      for (int minute = 1; minute <= 5; minute++) {
        clock.advance(Duration.ofMinutes(1));
        int expected = minute;
        await().until(() -> a.stored("replicas", "cal", "e").size() >= expected);
      }
      List<CloudEvent> events = a.stored("replicas", "cal", "e");
      assertThat(events).extracting(e -> e.data().get("eventTime").asText()).containsExactly(
          "2024-01-01 10:01:00 +0000 UTC", "2024-01-01 10:02:00 +0000 UTC", "2024-01-01 10:03:00 +0000 UTC",
          "2024-01-01 10:04:00 +0000 UTC", "2024-01-01 10:05:00 +0000 UTC");
      CloudEvent first = events.get(0);
      assertThat(first.type()).isEqualTo("calendar");
      assertThat(first.source()).isEqualTo("cal");
      assertThat(first.subject()).isEqualTo("e");
      assertThat(KvTickLedger.ensure(a.bus).lastFired(spec.key())).contains(Instant.parse("2024-01-01T10:05:00Z"));
    }
  }

  @Test
  void ticksDueWhileTheBusIsDownArePublishedAfterItReturns(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    CalendarSpec spec = CalendarAdapterTest.spec("{\"e\": {\"interval\": \"10s\"}}").withNamespace("outage");
    Instant start = Instant.parse("2024-01-01T10:00:00Z");
    MovableClock clock = new MovableClock(start);
    try (BusFixture fixture = new BusFixture(nats)) {
      AtomicInteger failed = new AtomicInteger();
      EventSink bus = fixture.sink("outage", "cal");
      EventSink counting = event -> bus.publish(event).whenComplete((ok, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
      });
      CountingLedger ledger = new CountingLedger(KvTickLedger.ensure(fixture.bus));
      try (CalendarAdapter adapter = new CalendarAdapter(spec, ledger, clock, FAST)) {
        adapter.start(counting);
        clock.advance(Duration.ofSeconds(20));
        await().until(() -> fixture.stored("outage", "cal", "e").size() == 2);

        nats.stop();
        await().until(() -> fixture.bus.nats().getStatus() != Connection.Status.CONNECTED);
        clock.advance(Duration.ofSeconds(30));
        await().until(() -> failed.get() + ledger.failures.get() >= 2); // the outage's first tick, retried
        nats.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.stored("outage", "cal", "e").size() >= 5);
      }
      assertThat(fixture.stored("outage", "cal", "e")).extracting(CloudEvent::time).containsExactly(
          start.plusSeconds(10), start.plusSeconds(20), start.plusSeconds(30), start.plusSeconds(40),
          start.plusSeconds(50));
    }
  }

  @Test
  void twoReplicasAcrossABusOutagePublishEveryTickOnce(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    CalendarSpec spec = CalendarAdapterTest.spec("{\"e\": {\"interval\": \"10s\"}}").withNamespace("replica-outage");
    Instant start = Instant.parse("2024-01-01T10:00:00Z");
    MovableClock clock = new MovableClock(start);
    try (BusFixture a = new BusFixture(nats); BusFixture b = new BusFixture(nats)) {
      CountingLedger ledgerA = new CountingLedger(KvTickLedger.ensure(a.bus));
      CountingLedger ledgerB = new CountingLedger(KvTickLedger.ensure(b.bus));
      try (CalendarAdapter replicaA = new CalendarAdapter(spec, ledgerA, clock, FAST);
          CalendarAdapter replicaB = new CalendarAdapter(spec, ledgerB, clock, FAST)) {
        replicaA.start(a.sink("replica-outage", "cal"));
        replicaB.start(b.sink("replica-outage", "cal"));
        clock.advance(Duration.ofSeconds(20));
        await().until(() -> a.stored("replica-outage", "cal", "e").size() == 2);

        nats.stop();
        await().until(() -> a.bus.nats().getStatus() != Connection.Status.CONNECTED
            && b.bus.nats().getStatus() != Connection.Status.CONNECTED);
        clock.advance(Duration.ofSeconds(30)); // 10:00:30, :40 and :50 fall due while the bus is down
        await().until(() -> ledgerA.failures.get() > 0 && ledgerB.failures.get() > 0);
        nats.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> a.stored("replica-outage", "cal", "e").size() >= 5);
        clock.advance(Duration.ofSeconds(10)); // a marker tick: the outage's ticks are all behind it
        await().atMost(Duration.ofSeconds(30)).until(() -> a.stored("replica-outage", "cal", "e").size() >= 6);
      }
      assertThat(a.stored("replica-outage", "cal", "e")).extracting(CloudEvent::time).containsExactly(
          start.plusSeconds(10), start.plusSeconds(20), start.plusSeconds(30), start.plusSeconds(40),
          start.plusSeconds(50), start.plusSeconds(60));
    }
  }

  @Test
  void catchUpAfterDowntimeReplaysFromTheLastFiredTickInKv(NatsTestServer nats) throws Exception {
    CalendarSpec spec = CalendarAdapterTest.spec("{\"e\": {\"schedule\": \"*/10 * * * *\","
        + " \"persistence\": {\"catchup\": {\"enabled\": true, \"maxDuration\": \"1h\"}}}}").withNamespace("catchup");
    MovableClock clock = new MovableClock(Instant.parse("2024-01-01T10:05:00Z"));
    try (BusFixture fixture = new BusFixture(nats)) {
      try (CalendarAdapter before = new CalendarAdapter(spec, KvTickLedger.ensure(fixture.bus), clock, FAST)) {
        before.start(fixture.sink("catchup", "cal"));
        clock.advance(Duration.ofMinutes(10));
        await().until(() -> fixture.stored("catchup", "cal", "e").size() == 1);
      }
      clock.advance(Duration.ofHours(2)); // no replica runs: 12 ticks missed, the last 6 within maxDuration
      try (CalendarAdapter after = new CalendarAdapter(spec, KvTickLedger.ensure(fixture.bus), clock, FAST)) {
        after.start(fixture.sink("catchup", "cal"));
        await().until(() -> fixture.stored("catchup", "cal", "e").size() == 7);
      }
      assertThat(fixture.stored("catchup", "cal", "e")).extracting(e -> e.data().get("eventTime").asText())
          .containsExactly("2024-01-01 10:10:00 +0000 UTC", "2024-01-01 11:20:00 +0000 UTC",
              "2024-01-01 11:30:00 +0000 UTC", "2024-01-01 11:40:00 +0000 UTC", "2024-01-01 11:50:00 +0000 UTC",
              "2024-01-01 12:00:00 +0000 UTC", "2024-01-01 12:10:00 +0000 UTC");
    }
  }

  @Test
  void filterExpressionsDropEventsPerEventName(NatsTestServer nats) throws Exception {
    Resource eventSource = CalendarSpecParserTest.eventSource("{"
        + "\"kept\": {\"schedule\": \"@hourly\", \"metadata\": {\"team\": \"a\"},"
        + " \"filter\": {\"expression\": \"metadata.team == 'a'\"}},"
        + "\"dropped\": {\"schedule\": \"@hourly\", \"metadata\": {\"team\": \"b\"},"
        + " \"filter\": {\"expression\": \"metadata.team == 'a'\"}}}");
    List<CalendarSpec> specs = new CalendarSpecParser().parse(eventSource).stream()
        .map(s -> s.withNamespace("filtered")).toList();
    MovableClock clock = new MovableClock(Instant.parse("2024-01-01T10:30:00Z"));
    try (BusFixture fixture = new BusFixture(nats)) {
      KvTickLedger ledger = KvTickLedger.ensure(fixture.bus);
      var sink = fixture.sink("filtered", "cal", CalendarSpecParser.filters(specs));
      List<CalendarAdapter> adapters = specs.stream().map(s -> new CalendarAdapter(s, ledger, clock, FAST)).toList();
      try {
        for (CalendarAdapter adapter : adapters) {
          adapter.start(sink);
        }
        clock.advance(Duration.ofHours(2));
        await().until(() -> fixture.stored("filtered", "cal", "kept").size() == 2);
        // the dropped event's ticks count as fired: the filter decided, nothing is retried
        await().until(() -> ledger.lastFired(specs.get(1).key()).isPresent()
            && ledger.lastFired(specs.get(1).key()).get().equals(Instant.parse("2024-01-01T12:00:00Z")));
      } finally {
        adapters.forEach(CalendarAdapter::close);
      }
      assertThat(fixture.stored("filtered", "cal", "dropped")).isEmpty();
    }
  }
}
