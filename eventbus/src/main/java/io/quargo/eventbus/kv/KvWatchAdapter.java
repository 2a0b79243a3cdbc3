package io.quargo.eventbus.kv;

import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import org.jboss.logging.Logger;

/** Turns jnats watch callbacks into {@link KvChange}s, keeping a failing listener from ending the watch. */
final class KvWatchAdapter implements KeyValueWatcher {
  private static final Logger LOG = Logger.getLogger(KvWatchAdapter.class);

  private final String bucket;
  private final String pattern;
  private final KvWatchStart start;
  private final KvWatchListener listener;
  private volatile boolean initialDone;

  KvWatchAdapter(String bucket, String pattern, KvWatchStart start, KvWatchListener listener) {
    this.bucket = bucket;
    this.pattern = pattern;
    this.start = start;
    this.listener = listener;
  }

  @Override
  public void watch(KeyValueEntry entry) {
    KvOperation op = entry.getOperation() == KeyValueOperation.PUT ? KvOperation.PUT : KvOperation.DELETE;
    // the last value of a deleted key is its delete marker: not a current value, so leave it out
    if (op == KvOperation.DELETE && !initialDone && start.kind() == KvWatchStart.Kind.CURRENT_VALUES) {
      return;
    }
    KvChange change = new KvChange(op, entry.getKey(), op == KvOperation.PUT ? entry.getValue() : null,
        entry.getRevision());
    try {
      listener.onChange(change);
    } catch (RuntimeException e) {
      LOG.errorf(e, "watch listener on KV bucket '%s' (%s) failed on %s; the watch goes on", bucket, pattern, change);
    }
  }

  @Override
  public void endOfData() {
    if (initialDone) {
      return;
    }
    initialDone = true;
    try {
      listener.onInitialValuesDone();
    } catch (RuntimeException e) {
      LOG.errorf(e, "watch listener on KV bucket '%s' (%s) failed at end of initial values", bucket, pattern);
    }
  }
}
