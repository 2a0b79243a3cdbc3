package io.quargo.eventbus.kv;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import io.quargo.eventbus.ReconnectResumer;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * A KV watch that delivers each revision once, in order, and resubscribes from the last revision it saw
 * as soon as the connection comes back. jnats' ordered consumer recovers on its own too, but only after
 * missing several idle heartbeats (about 30 s after a server restart); a cache should not be stale that
 * long. Two subscriptions may overlap during a resume: revisions at or below the last one delivered are
 * dropped, and since each subscription is gap-free from its start, the merged stream is too.
 */
final class ResumingKvWatch implements KvWatch {
  private static final Logger LOG = Logger.getLogger(ResumingKvWatch.class);

  private final KeyValue kv;
  private final String bucket;
  private final String pattern;
  private final KvWatchStart start;
  private final KvWatchListener listener;
  private final Object lock = new Object();
  private long lastRevision;
  private boolean initialDone;
  private boolean skipDeletesUntilInitialDone;
  private boolean closed;
  private NatsKeyValueWatchSubscription subscription;
  private ReconnectResumer resumer;

  private ResumingKvWatch(KeyValue kv, String bucket, String pattern, KvWatchStart start,
      KvWatchListener listener) {
    this.kv = kv;
    this.bucket = bucket;
    this.pattern = pattern;
    this.start = start;
    this.listener = listener;
  }

  static KvWatch start(Connection connection, KeyValue kv, String bucket, String pattern, KvWatchStart start,
      KvWatchListener listener) throws IOException, JetStreamApiException, InterruptedException {
    ResumingKvWatch watch = new ResumingKvWatch(kv, bucket, pattern, start, listener);
    NatsKeyValueWatchSubscription first;
    switch (start.kind()) {
      case CURRENT_VALUES -> {
        // the last value of a deleted key is its delete marker: not a current value
        watch.skipDeletesUntilInitialDone = true;
        first = kv.watch(pattern, watch.new Watcher());
      }
      case AFTER_REVISION -> {
        watch.lastRevision = start.revision();
        first = watch.subscribeAfter(start.revision());
      }
      default -> {
        // "updates only" = after the bucket's last revision now, so nothing between is missed
        watch.lastRevision = kv.getStatus().getBackingStreamInfo().getStreamState().getLastSequence();
        first = watch.subscribeAfter(watch.lastRevision);
      }
    }
    synchronized (watch.lock) {
      watch.subscription = first;
    }
    watch.resumer = ReconnectResumer.register(connection, "KV watch " + bucket + " " + pattern,
        watch::resume, watch::isClosed);
    return watch;
  }

  private NatsKeyValueWatchSubscription subscribeAfter(long revision)
      throws IOException, JetStreamApiException, InterruptedException {
    return kv.watch(pattern, new Watcher(), revision + 1, KeyValueWatchOption.INCLUDE_HISTORY);
  }

  /** One jnats subscription's callbacks; several may be live during a resume. */
  private final class Watcher implements KeyValueWatcher {
    @Override
    public void watch(KeyValueEntry entry) {
      onEntry(entry);
    }

    @Override
    public void endOfData() {
      onEndOfData();
    }
  }

  private void onEntry(KeyValueEntry entry) {
    synchronized (lock) {
      if (closed || entry.getRevision() <= lastRevision) {
        return;
      }
      lastRevision = entry.getRevision();
      KvOperation op = entry.getOperation() == KeyValueOperation.PUT ? KvOperation.PUT : KvOperation.DELETE;
      if (op == KvOperation.DELETE && skipDeletesUntilInitialDone && !initialDone) {
        return;
      }
      KvChange change = new KvChange(op, entry.getKey(), op == KvOperation.PUT ? entry.getValue() : null,
          entry.getRevision());
      try {
        listener.onChange(change);
      } catch (RuntimeException e) {
        LOG.errorf(e, "watch listener on KV bucket '%s' (%s) failed on %s; the watch goes on", bucket, pattern,
            change);
      }
    }
  }

  private void onEndOfData() {
    synchronized (lock) {
      if (closed || initialDone) {
        return;
      }
      initialDone = true;
      try {
        listener.onInitialValuesDone();
      } catch (RuntimeException e) {
        LOG.errorf(e, "watch listener on KV bucket '%s' (%s) failed at the end of initial values", bucket, pattern);
      }
    }
  }

  /** Subscribes again after the last revision delivered; false once the watch is closed. */
  private boolean resume() throws IOException, JetStreamApiException, InterruptedException {
    long from;
    boolean nothingSeen;
    synchronized (lock) {
      if (closed) {
        return false;
      }
      from = lastRevision;
      nothingSeen = start.kind() == KvWatchStart.Kind.CURRENT_VALUES && lastRevision == 0;
    }
    swapTo(nothingSeen ? kv.watch(pattern, new Watcher()) : subscribeAfter(from));
    return true;
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  private void swapTo(NatsKeyValueWatchSubscription next) {
    NatsKeyValueWatchSubscription old;
    synchronized (lock) {
      if (closed) {
        old = next;
      } else {
        old = subscription;
        subscription = next;
        // from here on a delete is a change the listener must hear, even before the initial end
        skipDeletesUntilInitialDone = skipDeletesUntilInitialDone && lastRevision == 0;
      }
    }
    unsubscribe(old);
  }

  private static void unsubscribe(NatsKeyValueWatchSubscription sub) {
    try {
      sub.unsubscribe();
    } catch (RuntimeException e) {
      LOG.debugf("unsubscribing a KV watch failed: %s", e.toString());
    }
  }

  @Override
  public void close() {
    NatsKeyValueWatchSubscription current;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      current = subscription;
    }
    resumer.close();
    unsubscribe(current);
  }
}
