package io.quargo.eventsource.minio;

import io.quargo.eventsource.amqp.StableIds;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Watches one {@code spec.minio} bucket by listing it every poll interval (S3 servers other than MinIO have no
 * notification stream): a new or rewritten object (new ETag or modification time) is {@code s3:ObjectCreated:Put},
 * or {@code s3:ObjectCreated:CompleteMultipartUpload} when its ETag is a multipart one, a vanished one
 * {@code s3:ObjectRemoved:Delete}. The objects seen are kept in a {@link SnapshotStore}, one entry per object,
 * each written only after the bus stored its change's event, so a restart reports what changed while it was down,
 * once. On the
 * very first start the bucket's current content is the baseline: nothing is reported for it, as a notification
 * stream would not. The event id derives from bucket, key, ETag, modification time and event name, so a change
 * reported again after a crash before the store recorded it is deduplicated on the bus.
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
  private final BucketLister lister;
  private BucketSnapshot seen;
  private volatile Thread poller;

  public MinioAdapter(MinioSource source, SnapshotStore store, Duration pollInterval) {
    this(source, new S3BucketLister(source), store, pollInterval, Clock.systemUTC());
  }

  MinioAdapter(MinioSource source, BucketLister lister, SnapshotStore store, Duration pollInterval, Clock clock) {
    this.source = source;
    this.lister = lister;
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
    open();
    poller = new Thread(() -> pollLoop(sink), "minio " + where());
    poller.setDaemon(true);
    poller.start();
  }

  /** Checks the bucket and loads the objects seen, or stores the current ones as the baseline on a first start. */
  void open() {
    try {
      lister.checkBucket();
      seen = store.load(storeKey).orElse(null);
      if (seen == null) {
        seen = BucketSnapshot.of(lister.list());
        store.saveBaseline(storeKey, seen);
        LOG.infof("%s: first start, %d existing objects taken as the baseline", where(), seen.size());
      } else {
        LOG.infof("%s: resuming with %d objects seen", where(), seen.size());
      }
    } catch (Exception e) {
      throw new IllegalStateException(where() + ": cannot watch bucket '" + source.bucket() + "' at " + source.url()
          + ": " + e.getMessage(), e);
    }
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

  /**
   * One listing: reports changes in order, each recorded in the store after its event is on the bus, until one
   * is not stored; false when some change waits for a retry (the next listing finds it again).
   */
  boolean poll(EventSink sink) throws Exception {
    for (ObjectChange change : seen.changesTo(BucketSnapshot.of(lister.list()))) {
      if (closed.get()) {
        return true;
      }
      if (source.wants(change.s3EventName()) && !publish(change, sink)) {
        return false; // keep the order: this change and the later ones are reported on the next poll
      }
      try {
        store.record(storeKey, change);
      } catch (RuntimeException e) {
        LOG.warnf("%s: %s of '%s' is on the bus but not recorded yet, retrying (the bus drops the repeat): %s",
            where(), change.s3EventName(), change.object().key(), e.getMessage());
        return false;
      }
      seen.apply(change);
    }
    return true;
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
