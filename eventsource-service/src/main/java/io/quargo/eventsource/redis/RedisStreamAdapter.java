package io.quargo.eventsource.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Reads one {@code spec.redisStream} entry through its consumer group as Argo's consumer
 * {@value RedisStreamSource#CONSUMER}: first this consumer's pending entries (read before, never acknowledged),
 * then new ones; XACKs an entry only after the bus stored its event. An entry whose publish failed stays pending
 * and is read again (from the pending list) after a pause. The event id derives from stream and entry id, so an
 * entry stored but not acknowledged before a crash is deduplicated on the bus when it is read again.
 */
public final class RedisStreamAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(RedisStreamAdapter.class);
  /** As Argo's XREADGROUP {@code BLOCK}; also bounds how long {@link #close} waits for the reader. */
  static final Duration BLOCK = Duration.ofSeconds(2);
  static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);
  /** Read from the start of this consumer's pending entries list. */
  static final String PENDING = "0-0";
  /** Read entries never delivered to the group. */
  static final String NEW = ">";

  private final RedisStreamSource source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<String, String> cursors = new LinkedHashMap<>();
  private volatile RedisClient client;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile Thread reader;

  public RedisStreamAdapter(RedisStreamSource source) {
    this.source = source;
    source.streams().forEach(stream -> cursors.put(stream, PENDING));
  }

  public RedisStreamSource source() {
    return source;
  }

  @Override
  public void start(EventSink sink) {
    client = RedisClient.create(source.endpoint().uri(Duration.ofSeconds(10)));
    try {
      connection = client.connect();
      createGroups(connection.sync());
    } catch (RedisException e) {
      close();
      throw new IllegalStateException(where() + ": cannot set up consumer group '" + source.consumerGroup() + "' at "
          + source.endpoint().address() + ": " + e.getMessage(), e);
    }
    reader = new Thread(() -> readLoop(sink), "redisStream " + where());
    reader.setDaemon(true);
    reader.start();
  }

  /** As Argo, the group starts at the stream's end ({@code $}); unlike Argo, a missing stream is created. */
  private void createGroups(RedisCommands<String, String> redis) {
    for (String stream : source.streams()) {
      try {
        redis.xgroupCreate(StreamOffset.from(stream, "$"), source.consumerGroup(), XGroupCreateArgs.Builder.mkstream());
      } catch (RedisBusyException e) {
        // BUSYGROUP: the group exists, keep its position and pending entries
      }
    }
  }

  private void readLoop(EventSink sink) {
    int failures = 0;
    while (!closed.get()) {
      try {
        boolean allStored = handle(read(connection.sync()), sink);
        failures = allStored ? 0 : failures + 1;
      } catch (RedisException e) {
        if (closed.get()) {
          return;
        }
        failures++;
        LOG.warnf("%s: reading %s failed, retrying: %s", where(), source.endpoint().address(), e.getMessage());
        cursors.replaceAll((stream, cursor) -> PENDING);
        if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
          createGroups(connection.sync());
        }
      }
      if (failures > 0 && !pause(failures)) {
        return;
      }
    }
  }

  /** The next pending entries of one stream still replaying its pending list, else new entries of all streams. */
  private List<StreamMessage<String, String>> read(RedisCommands<String, String> redis) {
    Consumer<String> consumer = Consumer.from(source.consumerGroup(), RedisStreamSource.CONSUMER);
    for (Map.Entry<String, String> cursor : cursors.entrySet()) {
      if (!cursor.getValue().equals(NEW)) {
        List<StreamMessage<String, String>> pending = redis.xreadgroup(consumer,
            XReadArgs.Builder.count(source.maxMsgCountPerRead()), StreamOffset.from(cursor.getKey(), cursor.getValue()));
        if (!pending.isEmpty()) {
          return pending;
        }
        cursor.setValue(NEW); // pending list replayed: from now on new entries
      }
    }
    @SuppressWarnings("unchecked")
    StreamOffset<String>[] offsets = source.streams().stream().map(s -> StreamOffset.from(s, NEW))
        .toArray(StreamOffset[]::new);
    return redis.xreadgroup(consumer, XReadArgs.Builder.count(source.maxMsgCountPerRead()).block(BLOCK), offsets);
  }

  /** Publishes a batch, XACKs what the bus stored; false when some entry stays pending for a later read. */
  private boolean handle(List<StreamMessage<String, String>> batch, EventSink sink) {
    if (batch.isEmpty()) {
      return true;
    }
    List<CompletableFuture<Void>> published = new ArrayList<>();
    for (StreamMessage<String, String> entry : batch) {
      String id = StableIds.of("redisStream", source.namespace(), source.eventSource(), source.eventName(),
          entry.getStream(), entry.getId());
      SourceEvent event = new SourceEvent(source.eventName(), "redisStream", id, null,
          RedisPayload.streamEntry(entry.getStream(), entry.getId(), entry.getBody(), source.metadata()));
      published.add(sink.publish(event));
    }
    Map<String, List<String>> stored = new LinkedHashMap<>();
    Set<String> failed = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      StreamMessage<String, String> entry = batch.get(i);
      if (!cursors.get(entry.getStream()).equals(NEW)) {
        cursors.put(entry.getStream(), entry.getId()); // replaying pending entries: continue after this one
      }
      try {
        published.get(i).join();
        stored.computeIfAbsent(entry.getStream(), s -> new ArrayList<>()).add(entry.getId());
      } catch (RuntimeException e) {
        if (failed.isEmpty()) {
          LOG.warnf("%s: entry %s of %s not stored, it stays pending: %s", where(), entry.getId(), entry.getStream(),
              e.getMessage());
        }
        failed.add(entry.getStream());
      }
    }
    failed.forEach(stream -> cursors.put(stream, PENDING)); // read the pending list again after the pause
    stored.forEach((stream, ids) -> connection.sync().xack(stream, source.consumerGroup(), ids.toArray(String[]::new)));
    return failed.isEmpty();
  }

  private boolean pause(int failures) {
    long millis = Math.min(FIRST_PAUSE.toMillis() << Math.min(failures - 1, 10), MAX_PAUSE.toMillis());
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String where() {
    return source.namespace() + "/" + source.eventSource() + " redisStream." + source.eventName();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Thread t = reader;
    if (t != null) {
      try {
        t.join(BLOCK.toMillis() + 1_000);
        if (t.isAlive()) {
          t.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
