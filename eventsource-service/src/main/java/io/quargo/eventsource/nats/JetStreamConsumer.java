package io.quargo.eventsource.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Ours ({@code jetStream}): a durable pull consumer on the upstream stream. A message is acked upstream only after
 * our bus acknowledged its event; otherwise it is nak'ed with backoff and redelivered. The event id is
 * {@code <namespace>:<eventSource>:<eventName>:<stream>:<stream sequence>}, the same on every redelivery, so
 * JetStream's duplicate window drops a second copy (e.g. when our ack upstream was lost).
 */
final class JetStreamConsumer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JetStreamConsumer.class);
  private static final int STREAM_NOT_FOUND = 10059;
  private static final int CONSUMER_NOT_FOUND = 10014;

  private final NatsSpec spec;
  private final EventSink sink;
  private final RetryPolicy retry;
  private final JetStreamSubscription subscription;
  private final Thread puller;
  private volatile boolean closed;
  private int failures;

  private JetStreamConsumer(NatsSpec spec, EventSink sink, RetryPolicy retry, JetStreamSubscription subscription) {
    this.spec = spec;
    this.sink = sink;
    this.retry = retry;
    this.subscription = subscription;
    this.puller = new Thread(this::pull, "nats-jetstream-" + spec.eventName());
    this.puller.setDaemon(true);
  }

  static JetStreamConsumer start(Connection connection, NatsSpec spec, EventSink sink, RetryPolicy retry)
      throws IOException, JetStreamApiException {
    JetStreamSource js = spec.jetStream();
    JetStreamManagement jsm = connection.jetStreamManagement();
    try {
      jsm.getStreamInfo(js.stream());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        throw new IllegalStateException(spec.path() + ".jetStream.stream: no stream '" + js.stream() + "' on "
            + spec.url() + "; create it upstream or fix the name", e);
      }
      throw e;
    }
    ensureConsumer(jsm, spec);
    JetStreamSubscription sub = connection.jetStream()
        .subscribe(spec.subject(), PullSubscribeOptions.bind(js.stream(), js.durableName()));
    JetStreamConsumer consumer = new JetStreamConsumer(spec, sink, retry, sub);
    consumer.puller.start();
    return consumer;
  }

  /** Creates the durable if missing; an existing one keeps its position (and its settings). */
  private static void ensureConsumer(JetStreamManagement jsm, NatsSpec spec) throws IOException, JetStreamApiException {
    JetStreamSource js = spec.jetStream();
    try {
      String filter = jsm.getConsumerInfo(js.stream(), js.durableName()).getConsumerConfiguration().getFilterSubject();
      String wanted = spec.subject();
      if (!java.util.Objects.equals(emptyToNull(filter), wanted)) {
        throw new IllegalStateException(spec.path() + ".subject: the durable consumer '" + js.durableName()
            + "' on stream " + js.stream() + " filters '" + (filter == null ? "" : filter) + "', not '"
            + (wanted == null ? "" : wanted) + "'; delete that consumer upstream or set another jetStream.durableName");
      }
      return;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
        throw e;
      }
    }
    ConsumerConfiguration.Builder cc = ConsumerConfiguration.builder().durable(js.durableName())
        .ackPolicy(AckPolicy.Explicit).ackWait(js.ackWait()).maxAckPending(1000)
        .deliverPolicy(switch (js.deliverPolicy()) {
          case "new" -> DeliverPolicy.New;
          case "last" -> DeliverPolicy.Last;
          default -> DeliverPolicy.All;
        });
    if (spec.subject() != null) {
      cc.filterSubject(spec.subject());
    }
    jsm.addOrUpdateConsumer(js.stream(), cc.build());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private void pull() {
    while (!closed) {
      try {
        List<Message> batch = subscription.fetch(retry.fetchBatch(), Duration.ofSeconds(1));
        handle(batch);
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.warnf("%s: pulling from stream %s failed: %s", spec.path(), spec.jetStream().stream(), e.getMessage());
          sleep(retry.after(++failures));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Publishes the batch, then acks what the bus stored and naks the rest with backoff. */
  private void handle(List<Message> batch) throws InterruptedException {
    List<CompletableFuture<Void>> published = new ArrayList<>(batch.size());
    for (Message m : batch) {
      published.add(sink.publish(event(m)));
    }
    boolean anyFailed = false;
    for (int i = 0; i < batch.size(); i++) {
      try {
        published.get(i).get(retry.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        batch.get(i).ack();
      } catch (InterruptedException e) {
        throw e; // unacked: redelivered after ackWait
      } catch (Exception e) {
        anyFailed = true;
        Duration wait = retry.after(failures + 1);
        LOG.warnf("%s: stream %s sequence %d not stored on the bus (%s); redelivery in %s", spec.path(),
            spec.jetStream().stream(), batch.get(i).metaData().streamSequence(), cause(e), wait);
        batch.get(i).nakWithDelay(wait);
      }
    }
    failures = anyFailed ? failures + 1 : 0;
  }

  private SourceEvent event(Message m) {
    var meta = m.metaData();
    String id = spec.namespace() + ":" + spec.eventSource() + ":" + spec.eventName() + ":" + meta.getStream() + ":"
        + meta.streamSequence();
    return new SourceEvent(spec.eventName(), "nats", id, meta.timestamp().toInstant(), NatsPayload.data(spec, m));
  }

  private static String cause(Exception e) {
    Throwable c = e.getCause() != null ? e.getCause() : e;
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    puller.join(TimeUnit.SECONDS.toMillis(5));
    if (puller.isAlive()) {
      puller.interrupt();
      puller.join(1000);
    }
  }
}
