package io.quargo.eventsource.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.eventsource.amqp.PublishRetry;
import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * SUBSCRIBEs to one {@code spec.redis} entry's channels and publishes each message. Redis pub/sub has no
 * acknowledgement and no redelivery: a message is delivered once, to whoever is subscribed at that moment. So a
 * message published while we are not connected is lost (Redis's semantics, as in Argo), and a message we hold
 * when the bus is down is retried in memory until the bus takes it, and lost if we stop or crash first. A lost
 * connection is re-established and the channels subscribed again.
 */
public final class RedisPubSubAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(RedisPubSubAdapter.class);
  static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

  private final RedisSource source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final PublishRetry retry;
  private volatile RespConnection connection;
  private volatile Thread reader;

  public RedisPubSubAdapter(RedisSource source) {
    this.source = source;
    this.retry = new PublishRetry(where());
  }

  public RedisSource source() {
    return source;
  }

  @Override
  public void start(EventSink sink) {
    try {
      connection = subscribe();
    } catch (IOException | RespException e) {
      close();
      throw new IllegalStateException(where() + ": cannot subscribe at " + source.endpoint().address() + ": "
          + e.getMessage(), e);
    }
    reader = new Thread(() -> readLoop(sink), "redis " + where());
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens a connection and subscribes; returns once Redis confirmed every channel. */
  private RespConnection subscribe() throws IOException {
    RespConnection c = RespConnection.open(source.endpoint(), Duration.ofSeconds(10));
    try {
      List<String> command = new ArrayList<>(List.of("SUBSCRIBE"));
      command.addAll(source.channels());
      c.send(command.toArray(String[]::new));
      for (int i = 0; i < source.channels().size(); i++) {
        c.read();
      }
      c.setReadTimeout(Duration.ZERO); // a subscriber waits as long as the channels are quiet
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void readLoop(EventSink sink) {
    while (!closed.get()) {
      try {
        if (connection.read() instanceof List<?> push) {
          onPush(push, sink);
        }
      } catch (IOException | RespException e) {
        if (closed.get()) {
          return;
        }
        LOG.warnf("%s: connection to %s lost, messages published until we are back are lost: %s", where(),
            source.endpoint().address(), e.getMessage());
        connection.close();
        reconnect();
      }
    }
  }

  private void reconnect() {
    while (!closed.get()) {
      try {
        Thread.sleep(RECONNECT_PAUSE.toMillis());
        connection = subscribe();
        if (closed.get()) {
          connection.close(); // closed while we reconnected
          return;
        }
        LOG.infof("%s: subscribed again at %s", where(), source.endpoint().address());
        return;
      } catch (IOException | RespException e) {
        LOG.debugf("%s: reconnect failed: %s", where(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** {@code [message, channel, payload]} or {@code [pmessage, pattern, channel, payload]}. */
  private void onPush(List<?> push, EventSink sink) {
    String kind = String.valueOf(push.get(0));
    if (kind.equals("message") && push.size() == 3) {
      deliver(String.valueOf(push.get(1)), "", String.valueOf(push.get(2)), sink);
    } else if (kind.equals("pmessage") && push.size() == 4) {
      deliver(String.valueOf(push.get(2)), String.valueOf(push.get(1)), String.valueOf(push.get(3)), sink);
    }
  }

  private void deliver(String channel, String pattern, String message, EventSink sink) {
    ObjectNode data;
    try {
      data = RedisPayload.message(channel, pattern, message, source.jsonBody(), source.metadata());
    } catch (IllegalArgumentException e) {
      LOG.errorf("%s: message on '%s' dropped: not JSON but jsonBody is set: %s", where(), channel, e.getMessage());
      return;
    }
    // pub/sub never redelivers; the id only makes our own retries of this message idempotent
    retry.deliver(sink, new SourceEvent(source.eventName(), "redis", StableIds.random(), null, data), () -> { });
  }

  /** Messages received and not yet on the bus. */
  public int retryWaiting() {
    return retry.waiting();
  }

  private String where() {
    return source.namespace() + "/" + source.eventSource() + " redis." + source.eventName();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    retry.close();
    RespConnection c = connection;
    if (c != null) {
      c.close(); // unblocks the reader
    }
    Thread t = reader;
    if (t != null) {
      t.interrupt();
    }
  }

  /** The entry, as the EventSource's status names it. */
  @Override
  public String toString() {
    return "redis." + source.eventName();
  }
}
