package io.quargo.eventsource.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Argo's nats source: a core subscription ({@code subject}, optional {@code queue} group). Core NATS cannot
 * redeliver, so a message our bus did not acknowledge is kept in memory and retried with backoff under the same
 * event id (a publish that was stored but whose ack was lost is then deduplicated). Messages that arrive while
 * this process is down are lost, as in Argo: use {@code jetStream} for those.
 */
final class CoreSubscriber implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CoreSubscriber.class);

  private final NatsSpec spec;
  private final EventSink sink;
  private final RetryPolicy retry;
  private final ScheduledExecutorService retries;
  private final AtomicInteger waiting = new AtomicInteger();
  private Dispatcher dispatcher;
  private volatile boolean closed;

  private CoreSubscriber(NatsSpec spec, EventSink sink, RetryPolicy retry) {
    this.spec = spec;
    this.sink = sink;
    this.retry = retry;
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "nats-retry-" + spec.eventName());
      t.setDaemon(true);
      return t;
    });
  }

  /** Returns once the server has the subscription, so a message published after start is delivered. */
  static CoreSubscriber start(Connection connection, NatsSpec spec, EventSink sink, RetryPolicy retry)
      throws TimeoutException, InterruptedException {
    CoreSubscriber s = new CoreSubscriber(spec, sink, retry);
    s.dispatcher = connection.createDispatcher(s::onMessage);
    if (spec.queue() == null) {
      s.dispatcher.subscribe(spec.subject());
    } else {
      s.dispatcher.subscribe(spec.subject(), spec.queue());
    }
    connection.flush(Duration.ofSeconds(10));
    return s;
  }

  private void onMessage(Message message) {
    SourceEvent event = new SourceEvent(spec.eventName(), "nats", randomId(), Instant.now(),
        NatsPayload.data(spec, message));
    deliver(event, 0);
  }

  private void deliver(SourceEvent event, int failures) {
    if (closed) {
      LOG.warnf("%s: closed before event %s reached the bus; it is lost (core NATS cannot redeliver)",
          spec.path(), event.id());
      return;
    }
    sink.publish(event).orTimeout(retry.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((ok, error) -> {
          if (failures > 0) {
            waiting.decrementAndGet();
          }
          if (error != null) {
            waiting.incrementAndGet();
            Duration wait = retry.after(failures + 1);
            LOG.warnf("%s: event %s not stored on the bus (%s); retrying in %s, %d waiting", spec.path(), event.id(),
                error.getMessage(), wait, waiting.get());
            schedule(() -> deliver(event, failures + 1), wait);
          }
        });
  }

  private void schedule(Runnable task, Duration wait) {
    try {
      retries.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.warnf("%s: closed with an event not yet on the bus; it is lost (core NATS cannot redeliver)", spec.path());
    }
  }

  /** Argo's ids: 32 hex digits of a random UUID. */
  private static String randomId() {
    UUID u = UUID.randomUUID();
    return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array());
  }

  @Override
  public void close() {
    closed = true;
    if (dispatcher != null && dispatcher.isActive()) {
      dispatcher.unsubscribe(spec.subject());
    }
    retries.shutdownNow();
  }
}
