package io.quargo.eventsource.redis;

import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Reads one {@code spec.redisStream} entry through its consumer group as Argo's consumer
 * {@value RedisStreamSource#CONSUMER}: first this consumer's pending entries (read before, never acknowledged),
 * then new ones; XACKs an entry only after the bus stored its event. An entry whose publish failed stays pending
 * and is read again (from the pending list) after a pause. The event id derives from stream and entry id, so an
 * entry stored but not acknowledged before a crash is deduplicated on the bus when it is read again. The reader
 * waits for each batch's sink futures, so a sink must complete them (the bus sink does, within its ack timeout).
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
  private volatile RespConnection connection;
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
    try {
      connection = connect();
    } catch (IOException | RespException e) {
      close();
      throw new IllegalStateException(where() + ": cannot set up consumer group '" + source.consumerGroup() + "' at "
          + source.endpoint().address() + ": " + e.getMessage(), e);
    }
    reader = new Thread(() -> readLoop(sink), "redisStream " + where());
    reader.setDaemon(true);
    reader.start();
  }

  private RespConnection connect() throws IOException {
    RespConnection c = RespConnection.open(source.endpoint(), BLOCK.plusSeconds(10));
    try {
      createGroups(c);
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** As Argo, the group starts at the stream's end ({@code $}); unlike Argo, a missing stream is created. */
  private void createGroups(RespConnection c) throws IOException {
    for (String stream : source.streams()) {
      try {
        c.command("XGROUP", "CREATE", stream, source.consumerGroup(), "$", "MKSTREAM");
      } catch (RespException e) {
        if (!e.code().equals("BUSYGROUP")) {
          throw e;
        }
        // the group exists: keep its position and pending entries
      }
    }
  }

  private void readLoop(EventSink sink) {
    int failures = 0;
    while (!closed.get()) {
      try {
        failures = handle(read(), sink) ? 0 : failures + 1;
      } catch (IOException | RespException e) {
        if (closed.get()) {
          return;
        }
        failures++;
        LOG.warnf("%s: reading %s failed, retrying: %s", where(), source.endpoint().address(), e.getMessage());
        cursors.replaceAll((stream, cursor) -> PENDING);
        reconnect();
      }
      if (failures > 0 && !pause(failures)) {
        return;
      }
    }
  }

  private void reconnect() {
    connection.close();
    try {
      RespConnection fresh = connect();
      if (closed.get()) {
        fresh.close();
      } else {
        connection = fresh;
      }
    } catch (IOException | RespException e) {
      LOG.debugf("%s: reconnect failed: %s", where(), e.getMessage());
    }
  }

  /** The next pending entries of one stream still replaying its pending list, else new entries of all streams. */
  private List<StreamEntry> read() throws IOException {
    for (Map.Entry<String, String> cursor : cursors.entrySet()) {
      if (!cursor.getValue().equals(NEW)) {
        List<StreamEntry> pending = StreamEntry.parse(connection.command("XREADGROUP", "GROUP",
            source.consumerGroup(), RedisStreamSource.CONSUMER, "COUNT", Integer.toString(source.maxMsgCountPerRead()),
            "STREAMS", cursor.getKey(), cursor.getValue()));
        if (!pending.isEmpty()) {
          return pending;
        }
        cursor.setValue(NEW); // pending list replayed: from now on new entries
      }
    }
    List<String> command = new ArrayList<>(List.of("XREADGROUP", "GROUP", source.consumerGroup(),
        RedisStreamSource.CONSUMER, "COUNT", Integer.toString(source.maxMsgCountPerRead()),
        "BLOCK", Long.toString(BLOCK.toMillis()), "STREAMS"));
    command.addAll(source.streams());
    source.streams().forEach(s -> command.add(NEW));
    return StreamEntry.parse(connection.command(command.toArray(String[]::new)));
  }

  /** Publishes a batch, XACKs what the bus stored; false when some entry stays pending for a later read. */
  private boolean handle(List<StreamEntry> batch, EventSink sink) throws IOException {
    List<CompletableFuture<Void>> published = new ArrayList<>();
    for (StreamEntry entry : batch) {
      String id = StableIds.of("redisStream", source.namespace(), source.eventSource(), source.eventName(),
          entry.stream(), entry.id());
      published.add(sink.publish(new SourceEvent(source.eventName(), "redisStream", id, null,
          RedisPayload.streamEntry(entry.stream(), entry.id(), entry.values(), source.metadata()))));
    }
    Map<String, List<String>> stored = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      StreamEntry entry = batch.get(i);
      if (!cursors.get(entry.stream()).equals(NEW)) {
        cursors.put(entry.stream(), entry.id()); // replaying pending entries: continue after this one
      }
      try {
        published.get(i).join();
        stored.computeIfAbsent(entry.stream(), s -> new ArrayList<>(List.of("XACK", s, source.consumerGroup())))
            .add(entry.id());
      } catch (RuntimeException e) {
        if (failed.isEmpty()) {
          LOG.warnf("%s: entry %s of %s not stored, it stays pending: %s", where(), entry.id(), entry.stream(),
              e.getMessage());
        }
        failed.add(entry.stream());
      }
    }
    failed.forEach(stream -> cursors.put(stream, PENDING)); // read the pending list again after the pause
    for (List<String> xack : stored.values()) {
      connection.command(xack.toArray(String[]::new));
    }
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
        t.join(BLOCK.toMillis() + 1_000); // let a read in progress finish and its XACKs go out
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      t.interrupt();
    }
    RespConnection c = connection;
    if (c != null) {
      c.close();
    }
  }

  /** The entry, as the EventSource's status names it. */
  @Override
  public String toString() {
    return "redisStream." + source.eventName();
  }
}
