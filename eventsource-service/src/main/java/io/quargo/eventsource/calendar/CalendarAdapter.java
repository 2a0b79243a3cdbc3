package io.quargo.eventsource.calendar;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Fires one calendar event per tick. Every replica may run it: a tick's event id is derived from the event's key
 * and the tick time, so JetStream's duplicate window collapses replicas publishing the same tick, and the
 * {@link TickLedger} (compare-and-set, forward only) tells a replica that a tick was already fired. A tick that
 * cannot be published is retried with backoff and the ticks after it wait, so a bus outage delays events but
 * does not lose them.
 */
public final class CalendarAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(CalendarAdapter.class);

  private final CalendarSpec spec;
  private final TickLedger ledger;
  private final Clock clock;
  private final CalendarTiming timing;
  private final ScheduledExecutorService timer;
  private EventSink sink;
  private Instant startedAt;
  private ZonedDateTime next;
  private boolean positioned;
  private int failures;
  private volatile boolean closed;

  public CalendarAdapter(CalendarSpec spec, TickLedger ledger) {
    this(spec, ledger, Clock.systemUTC(), CalendarTiming.DEFAULT);
  }

  /** {@code clock} is what "now" is; tests pass a clock they move. */
  public CalendarAdapter(CalendarSpec spec, TickLedger ledger, Clock clock, CalendarTiming timing) {
    this.spec = spec;
    this.ledger = ledger;
    this.clock = clock;
    this.timing = timing;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "calendar-" + spec.key());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void start(EventSink sink) {
    if (this.sink != null) {
      throw new IllegalStateException(spec.key() + ": already started");
    }
    this.sink = sink;
    this.startedAt = clock.instant();
    timer.execute(this::step);
  }

  /** Runs on the timer thread only: fires every due tick, then sleeps until the next one or a retry. */
  private void step() {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    try {
      if (!positioned) {
        next = firstTick(startedAt);
        positioned = true;
      }
      while (next != null && !next.toInstant().isAfter(now) && !closed) {
        next = fire(next);
        failures = 0;
      }
    } catch (Exception e) {
      failures++;
      Duration wait = timing.retryAfter(failures);
      LOG.warnf("%s: tick %s not fired yet (%s); retrying in %s", spec.key(), next, message(e), wait);
      reschedule(wait);
      return;
    }
    if (next == null) {
      LOG.infof("%s: the schedule has no further ticks", spec.key());
      return;
    }
    Duration untilNext = Duration.between(now, next.toInstant());
    reschedule(untilNext.compareTo(timing.maxSleep()) < 0 ? untilNext : timing.maxSleep());
  }

  /** Argo: start from start-up; with catch-up, from the last fired tick, but no further back than maxDuration. */
  private ZonedDateTime firstTick(Instant now) {
    Instant from = now;
    if (spec.catchup()) {
      Optional<Instant> last = ledger.lastFired(spec.key());
      if (last.isPresent() && last.get().isBefore(now)) {
        from = last.get();
        if (spec.maxCatchup() != null && from.isBefore(now.minus(spec.maxCatchup()))) {
          from = now.minus(spec.maxCatchup());
        }
      }
    }
    return spec.nextTick(from.atZone(spec.zone()));
  }

  /** Fires {@code tick} unless another replica did; returns the tick to consider next. */
  private ZonedDateTime fire(ZonedDateTime tick) throws Exception {
    Optional<Instant> last = ledger.lastFired(spec.key());
    if (last.isPresent()) {
      if (!last.get().isBefore(tick.toInstant())) {
        return spec.nextTick(tick); // already fired (by another replica, or before a restart)
      }
      ZonedDateTime afterLast = spec.nextTick(last.get().atZone(spec.zone()));
      if (afterLast != null && afterLast.isAfter(tick)) {
        return afterLast; // an interval another replica started earlier: follow its ticks, not ours
      }
    }
    sink.publish(event(tick)).get(timing.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      ledger.record(spec.key(), tick.toInstant());
    } catch (RuntimeException e) {
      // the event is on the bus; a replica that re-fires this tick is deduplicated by its id
      LOG.warnf("%s: tick %s published but not recorded: %s", spec.key(), tick, e.getMessage());
    }
    return spec.nextTick(tick);
  }

  SourceEvent event(ZonedDateTime tick) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("eventTime", GoTimeFormat.format(tick));
    if (!spec.metadata().isEmpty()) {
      ObjectNode metadata = data.putObject("metadata");
      spec.metadata().forEach(metadata::put);
    }
    return new SourceEvent(spec.eventName(), "calendar", eventId(spec, tick.toInstant()), tick.toInstant(), data);
  }

  /** 32 hex digits like Argo's ids, the same on every replica for the same tick. */
  static String eventId(CalendarSpec spec, Instant tick) {
    UUID uuid = UUID.nameUUIDFromBytes((spec.key() + "@" + tick).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
  }

  private void reschedule(Duration delay) {
    if (!closed) {
      timer.schedule(this::step, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  private static String message(Throwable e) {
    Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
