package io.quargo.eventsource.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tick loop against a moved clock, an in-memory ledger and a sink that can refuse. */
class CalendarAdapterTest {
  static final CalendarTiming FAST =
      new CalendarTiming(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));
  static final Instant START = Instant.parse("2024-01-01T10:00:30Z");

  private final List<SourceEvent> published = new CopyOnWriteArrayList<>();
  private final AtomicBoolean refusing = new AtomicBoolean();
  private final AtomicInteger refused = new AtomicInteger();
  private final EventSink sink = event -> {
    if (refusing.get()) {
      refused.incrementAndGet();
      return CompletableFuture.failedFuture(new IllegalStateException("bus down"));
    }
    published.add(event);
    return CompletableFuture.completedFuture(null);
  };

  static CalendarSpec spec(String calendarJson) throws Exception {
    return new CalendarSpecParser().parse(CalendarSpecParserTest.eventSource(calendarJson)).get(0);
  }

  @Test
  void oneEventPerTickShapedAsArgoWithAStableId() throws Exception {
    MovableClock clock = new MovableClock(START);
    CalendarSpec spec = spec("{\"e\": {\"schedule\": \"* * * * *\", \"metadata\": {\"hello\": \"world\"}}}");
    MemoryTickLedger ledger = new MemoryTickLedger();
    try (CalendarAdapter adapter = new CalendarAdapter(spec, ledger, clock, FAST)) {
      adapter.start(sink);
      clock.advance(Duration.ofMinutes(3));
      await().until(() -> published.size() == 3);
    }
    assertThat(published).extracting(e -> e.data().toString()).containsExactly(
        "{\"eventTime\":\"2024-01-01 10:01:00 +0000 UTC\",\"metadata\":{\"hello\":\"world\"}}",
        "{\"eventTime\":\"2024-01-01 10:02:00 +0000 UTC\",\"metadata\":{\"hello\":\"world\"}}",
        "{\"eventTime\":\"2024-01-01 10:03:00 +0000 UTC\",\"metadata\":{\"hello\":\"world\"}}");
    SourceEvent first = published.get(0);
    assertThat(first.type()).isEqualTo("calendar");
    assertThat(first.eventName()).isEqualTo("e");
    assertThat(first.time()).isEqualTo(Instant.parse("2024-01-01T10:01:00Z"));
    assertThat(first.id()).hasSize(32).isEqualTo(CalendarAdapter.eventId(spec, first.time()))
        .isNotEqualTo(published.get(1).id());
    assertThat(ledger.ticks).containsEntry("team-a.cal.e", Instant.parse("2024-01-01T10:03:00Z"));
  }

  @Test
  void ticksDuringAnOutageAreFiredInOrderWhenTheSinkRecovers() throws Exception {
    MovableClock clock = new MovableClock(START);
    try (CalendarAdapter adapter = new CalendarAdapter(spec("{\"e\": {\"interval\": \"10s\"}}"),
        new MemoryTickLedger(), clock, FAST)) {
      adapter.start(sink);
      clock.advance(Duration.ofSeconds(10));
      await().until(() -> published.size() == 1);
      refusing.set(true);
      clock.advance(Duration.ofSeconds(30));
      await().until(() -> refused.get() >= 3); // the first tick of the outage, retried
      refusing.set(false);
      await().until(() -> published.size() == 4);
    }
    assertThat(published).extracting(SourceEvent::time).containsExactly(START.plusSeconds(10),
        START.plusSeconds(20), START.plusSeconds(30), START.plusSeconds(40));
  }

  @Test
  void catchUpReplaysMissedTicksNoFurtherBackThanMaxDuration() throws Exception {
    MemoryTickLedger ledger = new MemoryTickLedger();
    ledger.record("team-a.cal.e", Instant.parse("2024-01-01T09:50:00Z"));
    MovableClock clock = new MovableClock(START);
    try (CalendarAdapter adapter = new CalendarAdapter(spec("{\"e\": {\"schedule\": \"* * * * *\","
        + " \"persistence\": {\"catchup\": {\"enabled\": true, \"maxDuration\": \"3m\"}}}}"), ledger, clock, FAST)) {
      adapter.start(sink);
      await().until(() -> published.size() == 3);
    }
    assertThat(published).extracting(e -> e.data().get("eventTime").asText()).containsExactly(
        "2024-01-01 09:58:00 +0000 UTC", "2024-01-01 09:59:00 +0000 UTC", "2024-01-01 10:00:00 +0000 UTC");
  }

  @Test
  void withoutCatchUpMissedTicksAreNotReplayed() throws Exception {
    MemoryTickLedger ledger = new MemoryTickLedger();
    ledger.record("team-a.cal.e", Instant.parse("2024-01-01T09:50:00Z"));
    MovableClock clock = new MovableClock(START);
    try (CalendarAdapter adapter = new CalendarAdapter(spec("{\"e\": {\"schedule\": \"* * * * *\"}}"), ledger,
        clock, FAST)) {
      adapter.start(sink);
      clock.advance(Duration.ofSeconds(30));
      await().until(() -> published.size() == 1);
    }
    assertThat(published.get(0).time()).isEqualTo(Instant.parse("2024-01-01T10:01:00Z"));
  }

  @Test
  void aTickAnotherReplicaFiredIsNotFiredAgainAndIntervalsFollowThatReplica() throws Exception {
    MemoryTickLedger ledger = new MemoryTickLedger();
    MovableClock clock = new MovableClock(START);
    CalendarSpec spec = spec("{\"e\": {\"interval\": \"10s\"}}");
    try (CalendarAdapter adapter = new CalendarAdapter(spec, ledger, clock, FAST)) {
      adapter.start(sink);
      // another replica, started 3s earlier, fired at START+7s: ours (START+10s) is off its grid
      ledger.record(spec.key(), START.plusSeconds(7));
      clock.advance(Duration.ofSeconds(20));
      await().until(() -> published.size() == 1);
    }
    assertThat(published.get(0).time()).isEqualTo(START.plusSeconds(17));
  }

  @Test
  void excludedDaysDoNotFire() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2019-01-01T23:30:00Z"));
    try (CalendarAdapter adapter = new CalendarAdapter(spec("{\"e\": {\"schedule\": \"@daily\","
        + " \"exclusionDates\": [\"EXDATE:20190102T150405Z\"]}}"), new MemoryTickLedger(), clock, FAST)) {
      adapter.start(sink);
      clock.advance(Duration.ofDays(2));
      await().until(() -> published.size() == 1);
    }
    assertThat(published.get(0).time()).isEqualTo(Instant.parse("2019-01-03T00:00:00Z"));
    assertThat(new ObjectMapper().writeValueAsString(published.get(0).data())).doesNotContain("metadata");
  }
}
