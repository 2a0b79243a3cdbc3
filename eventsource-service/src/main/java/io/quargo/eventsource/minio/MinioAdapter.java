package io.quargo.eventsource.minio;

import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Watches one {@code spec.minio} bucket by listing it every poll interval (S3 servers other than MinIO have no
 * notification stream): a new or rewritten object (new ETag or modification time) is {@code s3:ObjectCreated:Put},
 * a vanished one {@code s3:ObjectRemoved:Delete}. The objects seen are kept in a {@link SnapshotStore}, updated
 * only after the bus stored the change's event, so a restart reports what changed while it was down, once. On the
 * very first start the bucket's current content is the baseline: nothing is reported for it, as a notification
 * stream would not. The event id derives from bucket, key, ETag, modification time and event name, so a change
 * reported again after a crash before the snapshot was stored is deduplicated on the bus.
 */
public final class MinioAdapter implements EventSourceAdapter {
  private static final Logger LOG = Logger.getLogger(MinioAdapter.class);
  static final int POLL_SECONDS = 5;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(POLL_SECONDS);
  static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final MinioSource source;
  private final SnapshotStore store;
  private final Duration pollInterval;
  private final Clock clock;
  private final String storeKey;
  private final AtomicBoolean closed = new AtomicBoolean();
  private BucketLister lister;
  private BucketSnapshot seen;
  private boolean unsaved;
  private volatile Thread poller;

  public MinioAdapter(MinioSource source, SnapshotStore store, Duration pollInterval) {
    this(source, store, pollInterval, Clock.systemUTC());
  }

  MinioAdapter(MinioSource source, SnapshotStore store, Duration pollInterval, Clock clock) {
    this.source = source;
    this.store = store;
    this.pollInterval = pollInterval;
    this.clock = clock;
    this.storeKey = storeKey(source);
  }

  /** One KV key per source and what it watches, so a changed bucket or filter starts from a fresh baseline. */
  static String storeKey(MinioSource s) {
    return "minio." + StableIds.of(s.namespace(), s.eventSource(), s.eventName(), s.url(), s.bucket(), s.prefix(),
        s.suffix());
  }

  public MinioSource source() {
    return source;
  }

  @Override
  public void start(EventSink sink) {
    lister = new BucketLister(source);
    try {
      lister.checkBucket();
      seen = store.load(storeKey).orElse(null);
      if (seen == null) {
        seen = BucketSnapshot.of(lister.list());
        store.save(storeKey, seen);
        LOG.infof("%s: first start, %d existing objects taken as the baseline", where(), seen.size());
      }
    } catch (Exception e) {
      throw new IllegalStateException(where() + ": cannot watch bucket '" + source.bucket() + "' at " + source.url()
          + ": " + e.getMessage(), e);
    }
    poller = new Thread(() -> pollLoop(sink), "minio " + where());
    poller.setDaemon(true);
    poller.start();
  }

  private void pollLoop(EventSink sink) {
    int failures = 0;
    while (!closed.get()) {
      try {
        failures = poll(sink) ? 0 : failures + 1;
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        failures++;
        LOG.warnf("%s: listing bucket '%s' failed, retrying: %s", where(), source.bucket(), e.getMessage());
      }
      long pause = failures == 0 ? pollInterval.toMillis()
          : Math.min(pollInterval.toMillis() << Math.min(failures - 1, 10), MAX_PAUSE.toMillis());
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One listing: reports changes in order until one is not stored; false when some change waits for a retry. */
  boolean poll(EventSink sink) throws Exception {
    List<ObjectChange> changes = seen.changesTo(BucketSnapshot.of(lister.list()));
    boolean allStored = true;
    for (ObjectChange change : changes) {
      if (closed.get()) {
        break;
      }
      if (source.wants(change.s3EventName()) && !publish(change, sink)) {
        allStored = false;
        break; // keep the order: this change and the later ones are reported on the next poll
      }
      seen.apply(change);
      unsaved = true;
    }
    if (unsaved) {
      try {
        store.save(storeKey, seen);
        unsaved = false;
      } catch (RuntimeException e) {
        LOG.warnf("%s: objects seen not stored yet, retrying: %s", where(), e.getMessage());
        return false;
      }
    }
    return allStored;
  }

  private boolean publish(ObjectChange change, EventSink sink) throws InterruptedException {
    ObjectState o = change.object();
    String id = StableIds.of("minio", source.namespace(), source.eventSource(), source.eventName(), source.bucket(),
        o.key(), o.etag(), o.lastModified().toString(), change.s3EventName());
    Instant time = change.removed() ? clock.instant() : o.lastModified();
    try {
      sink.publish(new SourceEvent(source.eventName(), "minio", id, null,
          MinioPayload.data(source.bucket(), change, time, source.metadata()))).get();
      return true;
    } catch (ExecutionException e) {
      LOG.warnf("%s: %s of '%s' not stored, reported again later: %s", where(), change.s3EventName(), o.key(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      return false;
    }
  }

  private String where() {
    return source.namespace() + "/" + source.eventSource() + " minio." + source.eventName();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Thread t = poller;
    if (t != null) {
      t.interrupt();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
