package io.quargo.eventsource.kafka;

import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consumes one {@code spec.kafka} entry. With a {@code consumerGroup} it commits a partition's offset only after
 * the bus stored every event up to it (manual commit, in partition order); a record whose publish failed is
 * read again after a pause (the consumer seeks back to it). Without a group it reads {@code partition} from the
 * newest offset and commits nothing, as Argo. The event id derives from topic, partition and offset, so a record
 * stored but not committed before a crash is deduplicated on the bus when it is read again.
 */
public final class KafkaAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(KafkaAdapter.class);
  static final Duration POLL = Duration.ofMillis(500);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private final KafkaSource source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final RateLimit rateLimit;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile Thread reader;

  public KafkaAdapter(KafkaSource source) {
    this.source = source;
    this.rateLimit = new RateLimit(source.limitEventsPerSecond());
  }

  public KafkaSource source() {
    return source;
  }

  @Override
  public void start(EventSink sink) {
    KafkaConsumer<byte[], byte[]> c;
    try {
      c = new KafkaConsumer<>(KafkaClientConfig.consumerProperties(source));
    } catch (KafkaException e) {
      throw new IllegalStateException(where() + ": cannot create the Kafka client: " + rootMessage(e)
          + " (check spec.kafka." + source.eventName() + ".tls and .sasl)", e);
    }
    consumer = c;
    try {
      List<PartitionInfo> partitions = c.partitionsFor(source.topic(), CONNECT_TIMEOUT);
      if (source.consumerGroup() != null) {
        c.subscribe(List.of(source.topic()));
      } else {
        TopicPartition tp = new TopicPartition(source.topic(), source.partition());
        if (partitions.stream().noneMatch(p -> p.partition() == source.partition())) {
          throw new IllegalStateException("topic '" + source.topic() + "' has no partition " + source.partition()
              + " (it has " + partitions.size() + ")");
        }
        c.assign(List.of(tp));
        c.seekToEnd(List.of(tp));
        c.position(tp, CONNECT_TIMEOUT); // fix "newest" now: records produced after start are read
      }
    } catch (KafkaException | IllegalStateException e) {
      close();
      throw new IllegalStateException(where() + ": cannot read topic '" + source.topic() + "' at "
          + String.join(",", source.brokers()) + ": " + e.getMessage() + hint(e), e);
    }
    reader = new Thread(() -> readLoop(sink), "kafka " + where());
    reader.setDaemon(true);
    reader.start();
  }

  /** Kafka wraps a bad key or certificate several times ("Failed to create new NetworkClient"): say what it was. */
  private static String rootMessage(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      message.append(": ").append(c.getMessage());
    }
    return message.toString();
  }

  /** What to check when the broker refused us: the spec fields behind the credentials. */
  private String hint(Exception e) {
    String at = "spec.kafka." + source.eventName();
    if (e instanceof SaslAuthenticationException) {
      return " (check " + at + ".sasl: mechanism, and the user and password in userSecret and passwordSecret)";
    }
    if (e instanceof SslAuthenticationException) {
      return " (check " + at + ".tls: caCertSecret must hold the CA that signed the broker's certificate, and "
          + "clientCertSecret/clientKeySecret a certificate the broker trusts if it asks for one)";
    }
    return "";
  }

  private void readLoop(EventSink sink) {
    int failures = 0;
    try {
      while (!closed.get()) {
        try {
          failures = handle(consumer.poll(POLL), sink) ? 0 : failures + 1;
        } catch (WakeupException e) {
          return; // closing
        } catch (KafkaException e) {
          failures++;
          LOG.warnf("%s: reading failed, retrying: %s", where(), e.getMessage());
        }
        if (failures > 0) {
          pause(failures);
        }
      }
    } catch (InterruptedException e) {
      // closing while waiting for the bus: nothing of this batch is committed, it is read again
    } finally {
      Thread.interrupted();
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debugf("%s: close: %s", where(), e.getMessage());
      }
    }
  }

  /** Publishes a batch partition by partition; false when a partition stopped at a failed record. */
  private boolean handle(ConsumerRecords<byte[], byte[]> records, EventSink sink) throws InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> stored = new HashMap<>();
    boolean allStored = true;
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> batch = records.records(tp);
      List<CompletableFuture<Void>> published = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record : batch) {
        rateLimit.acquire();
        published.add(publish(record, sink));
      }
      for (int i = 0; i < batch.size(); i++) {
        ConsumerRecord<byte[], byte[]> record = batch.get(i);
        if (!await(published.get(i), record)) {
          consumer.seek(tp, record.offset()); // read it (and what follows) again after the pause
          allStored = false;
          break;
        }
        stored.put(tp, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    if (source.consumerGroup() != null && !stored.isEmpty()) {
      commit(stored);
    }
    return allStored;
  }

  private CompletableFuture<Void> publish(ConsumerRecord<byte[], byte[]> record, EventSink sink) {
    String id = StableIds.of("kafka", source.namespace(), source.eventSource(), source.eventName(), record.topic(),
        Integer.toString(record.partition()), Long.toString(record.offset()));
    try {
      return sink.publish(new SourceEvent(source.eventName(), "kafka", id, null,
          KafkaPayload.data(record, source.jsonBody(), source.metadata())));
    } catch (IllegalArgumentException e) {
      // as Argo, a record that cannot become an event is dropped (and committed past): it never will
      LOG.warnf("%s: record %s-%d@%d dropped: %s", where(), record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return CompletableFuture.completedFuture(null);
    }
  }

  private boolean await(CompletableFuture<Void> published, ConsumerRecord<byte[], byte[]> record)
      throws InterruptedException {
    try {
      published.get();
      return true;
    } catch (ExecutionException e) {
      LOG.warnf("%s: record %s-%d@%d not stored, it is read again: %s", where(), record.topic(), record.partition(),
          record.offset(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      return false;
    }
  }

  /** A failed commit (e.g. the partition moved to another member) means a re-read, which the bus deduplicates. */
  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warnf("%s: committing %s failed, those records may be read again: %s", where(), offsets, e.getMessage());
    }
  }

  private void pause(int failures) throws InterruptedException {
    Thread.sleep(Math.min(FIRST_PAUSE.toMillis() << Math.min(failures - 1, 10), MAX_PAUSE.toMillis()));
  }

  private String where() {
    return source.namespace() + "/" + source.eventSource() + " kafka." + source.eventName();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    KafkaConsumer<byte[], byte[]> c = consumer;
    Thread t = reader;
    if (t == null) {
      if (c != null) {
        c.close(Duration.ofSeconds(5));
      }
      return;
    }
    try {
      t.join(POLL.toMillis() + 2_000); // the batch in hand finishes and commits
      if (t.isAlive()) {
        c.wakeup(); // stop waiting: its records stay uncommitted and are read again
        t.interrupt();
        t.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
