package io.quargo.eventbus.lease;

import io.quargo.eventbus.BusException;
import io.quargo.eventbus.kv.CasConflictException;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.jboss.logging.Logger;

/**
 * A lease this process holds, renewed in the background every ttl/3 by compare-and-set on the revision
 * it last wrote. Guard the work with {@link #isHeld()} and stop it when the {@link LeaseLostListener}
 * fires. {@link #close()} releases the lease so another replica can take it at once.
 */
public final class Lease implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Lease.class);

  private final KvBucket bucket;
  private final String name;
  private final Duration ttl;
  private final Clock clock;
  private final LeaseLostListener onLost;
  private final Runnable onEnd;
  private LeaseRecord record;
  private long revision;
  private boolean held = true;
  private ScheduledFuture<?> renewal;

  Lease(KvBucket bucket, String name, Duration ttl, Clock clock, LeaseRecord record, long revision,
      LeaseLostListener onLost, Runnable onEnd) {
    this.bucket = bucket;
    this.name = name;
    this.ttl = ttl;
    this.clock = clock;
    this.record = record;
    this.revision = revision;
    this.onLost = onLost;
    this.onEnd = onEnd;
  }

  synchronized void renewWith(ScheduledFuture<?> renewal) {
    this.renewal = renewal;
  }

  public String name() {
    return name;
  }

  public String holder() {
    return record.holder();
  }

  public Duration ttl() {
    return ttl;
  }

  /** When the lease runs out unless renewed, by this process's clock. */
  public synchronized Instant expiresAt() {
    return record.expiresAt();
  }

  /** True while the lease is ours and not past its expiry by our clock. */
  public synchronized boolean isHeld() {
    return held && clock.instant().isBefore(record.expiresAt());
  }

  /** One renewal; called by the keeper every ttl/3. */
  void renew() {
    String lostReason;
    synchronized (this) {
      if (!held) {
        return;
      }
      Instant now = clock.instant();
      LeaseRecord next = record.renewed(now, ttl);
      try {
        revision = bucket.update(name, next.toBytes(), revision);
        record = next;
        return;
      } catch (CasConflictException e) {
        lostReason = "taken over: " + describeCurrentHolder();
      } catch (RuntimeException e) {
        // anything else (bus down, connection closed) may pass: keep trying until the lease runs out
        if (!record.isExpiredAt(now)) {
          LOG.warnf("renewing lease '%s' failed (%s); retrying until it expires at %s", name, e.getMessage(),
              record.expiresAt());
          return;
        }
        lostReason = "could not be renewed before it expired at " + record.expiresAt() + ": " + e.getMessage();
      }
      end();
    }
    LOG.warnf("lease '%s' held by %s lost (%s); stopping the work it guards", name, record.holder(), lostReason);
    notifyLost(lostReason);
  }

  private String describeCurrentHolder() {
    try {
      Optional<KvEntry> current = bucket.get(name);
      return current.map(e -> "now held by " + LeaseRecord.parse(name, e.value()).holder()
          + " at revision " + e.revision()).orElse("the lease key was deleted");
    } catch (BusException e) {
      return "the lease key changed (" + e.getMessage() + ")";
    }
  }

  private void notifyLost(String reason) {
    try {
      onLost.onLost(this, reason);
    } catch (RuntimeException e) {
      LOG.errorf(e, "lease-lost listener for '%s' failed", name);
    }
  }

  /** Stops renewing and deletes the lease key if it is still ours; does not call the lost listener. */
  public void release() {
    synchronized (this) {
      if (!held) {
        return;
      }
      end();
      try {
        bucket.delete(name, revision);
        LOG.debugf("lease '%s' released by %s", name, record.holder());
      } catch (CasConflictException e) {
        LOG.debugf("lease '%s' was no longer ours when released: %s", name, e.getMessage());
      } catch (BusException e) {
        LOG.warnf("releasing lease '%s' failed (%s); others can take it when it expires at %s", name,
            e.getMessage(), record.expiresAt());
      }
    }
  }

  private void end() {
    held = false;
    if (renewal != null) {
      renewal.cancel(false);
    }
    onEnd.run();
  }

  @Override
  public void close() {
    release();
  }

  @Override
  public synchronized String toString() {
    return "Lease{" + name + " held by " + record.holder() + " until " + record.expiresAt() + (held ? "" : ", ended") + "}";
  }
}
