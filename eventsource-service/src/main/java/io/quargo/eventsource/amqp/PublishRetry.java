package io.quargo.eventsource.amqp;

import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps publishing one event until the sink stores it, for upstreams that cannot be told "send it again" (MQTT
 * while connected, Redis pub/sub): the event keeps its id across attempts, so an attempt that timed out but was
 * stored is deduplicated on the bus. Waits double from {@link #FIRST_WAIT} up to {@link #MAX_WAIT}. Events still
 * waiting when it is closed are given up (the caller says what that means for its upstream).
 */
public final class PublishRetry implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PublishRetry.class);
  static final Duration FIRST_WAIT = Duration.ofMillis(200);
  static final Duration MAX_WAIT = Duration.ofSeconds(5);

  private final String where;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger waiting = new AtomicInteger();
  private final ScheduledExecutorService timer;

  public PublishRetry(String where) {
    this.where = where;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "publish-retry " + where);
      t.setDaemon(true);
      return t;
    });
  }

  /** Publishes {@code event} and runs {@code onStored} once the sink's future completed normally. */
  public void deliver(EventSink sink, SourceEvent event, Runnable onStored) {
    waiting.incrementAndGet();
    attempt(sink, event, onStored, 0);
  }

  /** Events received and not yet stored. */
  public int waiting() {
    return waiting.get();
  }

  private void attempt(EventSink sink, SourceEvent event, Runnable onStored, int failures) {
    if (closed.get()) {
      waiting.decrementAndGet();
      return;
    }
    sink.publish(event).whenComplete((ok, error) -> {
      if (error == null) {
        waiting.decrementAndGet();
        onStored.run();
        return;
      }
      if (failures == 0) {
        LOG.warnf("%s: publish failed, retrying until the bus takes it: %s", where, error.getMessage());
      }
      long wait = Math.min(FIRST_WAIT.toMillis() << Math.min(failures, 10), MAX_WAIT.toMillis());
      try {
        timer.schedule(() -> attempt(sink, event, onStored, failures + 1), wait, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closedMeanwhile) {
        waiting.decrementAndGet();
      }
    });
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      timer.shutdownNow();
      if (waiting.get() > 0) {
        LOG.warnf("%s: closed with %d event(s) not yet on the bus", where, waiting.get());
      }
    }
  }
}
