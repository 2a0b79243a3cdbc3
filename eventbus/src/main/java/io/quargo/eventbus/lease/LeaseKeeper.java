package io.quargo.eventbus.lease;

import io.quargo.eventbus.kv.CasConflictException;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvEntry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes and keeps leases on a KV bucket, so that one replica at a time owns a piece of work (a Sensor, a
 * key range of a controller). The value under the lease key records the holder and an expiry time:
 * acquire = create the key, or compare-and-set over a lease that has expired; renew = compare-and-set by
 * the holder on the revision it wrote; release = compare-and-set delete.
 *
 * <p>Clock skew: expiry is a wall-clock instant written by the holder and compared against the
 * contender's clock. A holder stops at its own expiry; a contender whose clock runs ahead by d takes
 * over d early, so the two may overlap for d. Keep clocks synchronised (NTP) to well under ttl/3, and make
 * the guarded work idempotent (compare-and-set writes) so a short overlap does no harm.
 */
public final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

  private final KvBucket bucket;
  private final String holderId;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor scheduler;
  private final Map<String, Lease> held = new ConcurrentHashMap<>();

  public LeaseKeeper(KvBucket bucket, String holderId) {
    this(bucket, holderId, Clock.systemUTC());
  }

  /** With an explicit clock, for tests that move time. */
  public LeaseKeeper(KvBucket bucket, String holderId, Clock clock) {
    this.bucket = bucket;
    this.holderId = holderId;
    this.clock = clock;
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "quargo-lease-" + holderId);
      t.setDaemon(true);
      return t;
    });
    this.scheduler.setRemoveOnCancelPolicy(true);
  }

  /** A holder id unique to this process: host, pid and a random part (a restart is a new holder). */
  public static String uniqueHolderId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String holderId() {
    return holderId;
  }

  /**
   * Takes the lease {@code name} (a KV key) for {@code ttl} if it is free, expired, or already recorded
   * for this holder id; renews it every ttl/3 until released or lost. Empty when another holder has it.
   */
  public Optional<Lease> tryAcquire(String name, Duration ttl, LeaseLostListener onLost) {
    if (ttl.toMillis() < 300) {
      throw new IllegalArgumentException("lease ttl must be at least 300ms, got " + ttl);
    }
    if (held.containsKey(name)) {
      throw new IllegalStateException("lease '" + name + "' is already held by this keeper (" + holderId + ")");
    }
    Optional<KvEntry> current = bucket.get(name);
    Instant now = clock.instant();
    LeaseRecord mine = LeaseRecord.acquired(holderId, now, ttl);
    long revision;
    try {
      if (current.isEmpty()) {
        revision = bucket.create(name, mine.toBytes());
      } else {
        LeaseRecord theirs = LeaseRecord.parse(name, current.get().value());
        if (!theirs.holder().equals(holderId) && !theirs.isExpiredAt(now)) {
          LOG.debugf("lease '%s' is held by %s until %s", name, theirs.holder(), theirs.expiresAt());
          return Optional.empty();
        }
        revision = bucket.update(name, mine.toBytes(), current.get().revision());
        if (!theirs.holder().equals(holderId)) {
          LOG.infof("lease '%s' taken over from %s (expired at %s) by %s", name, theirs.holder(),
              theirs.expiresAt(), holderId);
        }
      }
    } catch (CasConflictException e) {
      return Optional.empty(); // another contender won the race
    }
    Lease lease = new Lease(bucket, name, ttl, clock, mine, revision, onLost, () -> held.remove(name));
    held.put(name, lease);
    long period = Math.max(100, ttl.toMillis() / 3);
    lease.renewWith(scheduler.scheduleWithFixedDelay(() -> renew(lease), period, period, TimeUnit.MILLISECONDS));
    LOG.debugf("lease '%s' acquired by %s until %s", name, holderId, mine.expiresAt());
    return Optional.of(lease);
  }

  /** A periodic task that throws is never run again: keep every renewal failure inside. */
  private static void renew(Lease lease) {
    try {
      lease.renew();
    } catch (RuntimeException e) {
      LOG.errorf(e, "renewing %s failed unexpectedly; will retry", lease);
    }
  }

  /** Who holds the lease {@code name} according to the bucket, expired or not; empty when nobody. */
  public Optional<LeaseRecord> current(String name) {
    return bucket.get(name).map(e -> LeaseRecord.parse(name, e.value()));
  }

  /** Releases every lease this keeper holds and stops renewing. */
  @Override
  public void close() {
    for (Lease lease : List.copyOf(held.values())) {
      lease.release();
    }
    scheduler.shutdownNow();
  }
}
