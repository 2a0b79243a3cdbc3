package io.quargo.eventsource.resource;

import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Publishes a resource source's events in the order the informer saw them, each retried with backoff until the
 * bus acknowledges it: a watch does not deliver a change twice, so giving up would lose it. Stops on
 * {@link #close}; what is still queued then is dropped (the next holder's informer lists the current state again).
 */
final class ResourcePublisher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ResourcePublisher.class);
  private static final Duration ACK_WAIT = Duration.ofSeconds(30);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private final EventSink sink;
  private final String where;
  private final BlockingQueue<SourceEvent> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  ResourcePublisher(EventSink sink, String where) {
    this.sink = sink;
    this.where = where;
    this.thread = new Thread(this::run, "resource " + where);
    thread.setDaemon(true);
    thread.start();
  }

  void submit(SourceEvent event) {
    if (!closed) {
      queue.add(event);
    }
  }

  private void run() {
    try {
      while (!closed) {
        SourceEvent event = queue.poll(1, TimeUnit.SECONDS);
        if (event != null) {
          publish(event);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void publish(SourceEvent event) throws InterruptedException {
    long pause = FIRST_PAUSE.toMillis();
    while (!closed) {
      try {
        sink.publish(event).get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        LOG.warnf("%s: event %s not stored yet, retrying in %dms: %s", where, event.id(), pause, cause.getMessage());
        Thread.sleep(pause);
        pause = Math.min(pause * 2, MAX_PAUSE.toMillis());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(ACK_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
