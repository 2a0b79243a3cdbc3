package io.quargo.eventsource.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.quargo.eventsource.amqp.PublishRetry;
import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * SUBSCRIBEs to one {@code spec.redis} entry's channels and publishes each message. Redis pub/sub has no
 * acknowledgement and no redelivery: a message is delivered once, to whoever is subscribed at that moment. So a
 * message published while we are not connected is lost (Redis's semantics, as in Argo), and a message we hold
 * when the bus is down is retried in memory until the bus takes it, and lost if we stop or crash first.
 */
public final class RedisPubSubAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(RedisPubSubAdapter.class);

  private final RedisSource source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final PublishRetry retry;
  private volatile RedisClient client;
  private volatile StatefulRedisPubSubConnection<String, String> connection;

  public RedisPubSubAdapter(RedisSource source) {
    this.source = source;
    this.retry = new PublishRetry(where());
  }

  public RedisSource source() {
    return source;
  }

  @Override
  public void start(EventSink sink) {
    client = RedisClient.create(source.endpoint().uri(Duration.ofSeconds(10)));
    try {
      connection = client.connectPubSub();
      connection.addListener(new Listener(sink));
      connection.sync().subscribe(source.channels().toArray(String[]::new));
    } catch (RedisException e) {
      close();
      throw new IllegalStateException(where() + ": cannot subscribe at " + source.endpoint().address() + ": "
          + e.getMessage(), e);
    }
  }

  /** Messages received and not yet on the bus. */
  public int retryWaiting() {
    return retry.waiting();
  }

  private final class Listener implements RedisPubSubListener<String, String> {
    private final EventSink sink;

    Listener(EventSink sink) {
      this.sink = sink;
    }

    @Override
    public void message(String channel, String message) {
      deliver(channel, "", message);
    }

    @Override
    public void message(String pattern, String channel, String message) {
      deliver(channel, pattern, message);
    }

    private void deliver(String channel, String pattern, String message) {
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

    @Override
    public void subscribed(String channel, long count) {}

    @Override
    public void psubscribed(String pattern, long count) {}

    @Override
    public void unsubscribed(String channel, long count) {}

    @Override
    public void punsubscribed(String pattern, long count) {}
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
    if (connection != null) {
      connection.closeAsync();
    }
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
