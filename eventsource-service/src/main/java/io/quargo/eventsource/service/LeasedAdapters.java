package io.quargo.eventsource.service;

import io.quargo.eventbus.BusException;
import io.quargo.eventbus.lease.Lease;
import io.quargo.eventbus.lease.LeaseKeeper;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.EventSourceAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The non-HTTP adapters of one EventSource, run only while this replica holds the EventSource's lease, so exactly
 * one replica consumes each upstream. The sink refuses to publish once the lease is no longer held (the adapter
 * then leaves the upstream message for redelivery, which the next holder reads; the stable ids keep the bus free
 * of duplicates), and the lost-lease callback stops the adapters. Adapters are not restartable: every start takes
 * fresh ones from {@code plan}. Used from the manager's loop thread only.
 */
final class LeasedAdapters implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LeasedAdapters.class);

  private final String leaseName;
  private final LeaseKeeper keeper;
  private final Duration ttl;
  private final Supplier<List<EventSourceAdapter>> plan;
  private final EventSink sink;
  private final Runnable onLost;
  private Lease lease;
  private List<EventSourceAdapter> running = List.of();

  LeasedAdapters(String leaseName, LeaseKeeper keeper, Duration ttl, Supplier<List<EventSourceAdapter>> plan,
      EventSink sink, Runnable onLost) {
    this.leaseName = leaseName;
    this.keeper = keeper;
    this.ttl = ttl;
    this.plan = plan;
    this.sink = sink;
    this.onLost = onLost;
  }

  /** Keeps a lease an earlier plan of the same EventSource held, so a spec change does not hand it over. */
  LeasedAdapters adopting(Lease held) {
    this.lease = held;
    return this;
  }

  boolean holds() {
    return lease != null && lease.isHeld();
  }

  int runningCount() {
    return running.size();
  }

  String leaseName() {
    return leaseName;
  }

  /**
   * Takes the lease if free and starts the adapters; empty when another replica holds it (or the bus could not
   * be asked), else the start errors (empty list when all started).
   */
  Optional<List<String>> tryStart() {
    if (!running.isEmpty()) {
      return Optional.of(List.of());
    }
    if (lease == null || !lease.isHeld()) {
      try {
        lease = keeper.tryAcquire(leaseName, ttl, (l, reason) -> onLost.run()).orElse(null);
      } catch (BusException | IllegalStateException e) {
        // the bus is away, or an expired lease of ours has not been declared lost yet: try again next round
        LOG.warnf("lease '%s' could not be taken now: %s", leaseName, e.getMessage());
        lease = null;
      }
      if (lease == null) {
        return Optional.empty();
      }
    }
    Lease guard = lease;
    EventSink guarded = event -> guard.isHeld() ? sink.publish(event) : CompletableFuture.failedFuture(
        new IllegalStateException("lease '" + leaseName + "' is no longer held by this replica"));
    List<String> errors = new ArrayList<>();
    List<EventSourceAdapter> started = new ArrayList<>();
    for (EventSourceAdapter adapter : plan.get()) {
      try {
        adapter.start(guarded);
        started.add(adapter);
      } catch (Exception e) {
        adapter.close();
        errors.add(adapter + ": " + e.getMessage());
      }
    }
    running = started;
    return Optional.of(errors);
  }

  /** After the lease was lost: stops the adapters; the next {@link #tryStart} contends again. */
  void lost() {
    stopAdapters();
    lease = null;
  }

  /** Stops the adapters and hands the lease (or null) to the caller: a new plan of the same EventSource. */
  Lease detach() {
    stopAdapters();
    Lease held = lease;
    lease = null;
    return held;
  }

  private void stopAdapters() {
    running.forEach(EventSourceAdapter::close);
    running = List.of();
  }

  /** Stops the adapters, then releases the lease so another replica can take over at once. */
  @Override
  public void close() {
    stopAdapters();
    if (lease != null) {
      lease.release();
      lease = null;
    }
  }
}
