package io.quargo.workflow.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The mutexes and semaphores of {@code synchronization}, shared by every workflow of one controller (Argo's local
 * locks). Holders are Argo's holder keys: {@code <namespace>/<workflow>} for a workflow-level lock and
 * {@code <namespace>/<workflow>/<nodeId>} for a template-level one. A holder asks for all its locks at once and
 * gets all or none; waiters are granted in priority order; whoever may go next is woken through {@link #onWake}.
 */
public final class SyncLocks {
  /** What an acquisition came to: held, or waiting on {@code waitingOn} with Argo's message. */
  public record Attempt(boolean acquired, String message, String waitingOn) {}

  private final Map<String, SyncLock> locks = new LinkedHashMap<>();
  private final Map<String, Long> arrivals = new HashMap<>();
  private long nextArrival;
  private SyncLimits limits;
  private Consumer<String> wake = workflowKey -> { };

  public SyncLocks() {
    this(SyncLimits.NONE);
  }

  public SyncLocks(SyncLimits limits) {
    this.limits = limits;
  }

  /** Called with {@code <namespace>/<workflow>} when that workflow may now get a lock it waits for. */
  public synchronized void onWake(Consumer<String> wake) {
    this.wake = wake;
  }

  /**
   * Takes every lock of {@code refs} for {@code holder}, or none and queues it on each. A semaphore's limit is
   * read now (an {@link EngineException} when its ConfigMap or key is missing; the holder then leaves the queues).
   */
  public synchronized Attempt tryAcquire(String holder, List<SyncRef> refs, int priority, Instant created) {
    long arrival = arrivals.computeIfAbsent(holder, h -> nextArrival++);
    List<SyncLock> wanted = new ArrayList<>();
    try {
      for (SyncRef ref : refs) {
        SyncLock lock = locks.computeIfAbsent(ref.key(), k -> new SyncLock(k, ref.mutex() ? 1 : -1));
        if (!ref.mutex() && !lock.holders.contains(holder)) {
          lock.limit = limits.limit(ref);
        }
        wanted.add(lock);
      }
    } catch (RuntimeException e) {
      release(holder);
      throw e;
    }
    for (SyncLock lock : wanted) {
      if (!lock.holders.contains(holder)) {
        lock.pending.putIfAbsent(holder, new SyncLock.Waiter(holder, priority, created, arrival));
      }
    }
    SyncLock blocked = wanted.stream().filter(l -> !l.grantable(holder)).findFirst().orElse(null);
    if (blocked == null) {
      for (SyncLock lock : wanted) {
        lock.pending.remove(holder);
        lock.holders.add(holder);
      }
      arrivals.remove(holder);
      wanted.forEach(l -> wakeNext(l, holder));
      return new Attempt(true, null, null);
    }
    wanted.forEach(l -> wakeAhead(l, holder));
    return new Attempt(false, blocked.waitingMessage(), blocked.key);
  }

  /** {@code holder} gives back every lock it holds and leaves every queue; the next waiters are woken. */
  public synchronized void release(String holder) {
    arrivals.remove(holder);
    for (SyncLock lock : locks.values()) {
      boolean held = lock.holders.remove(holder);
      boolean queued = lock.pending.remove(holder) != null;
      if (held || queued) {
        wakeNext(lock, holder);
      }
    }
  }

  /** The workflow and all its nodes give back their locks (it completed, stopped or was deleted). */
  public synchronized void releaseWorkflow(String workflowKey) {
    Set<String> holders = new LinkedHashSet<>();
    for (SyncLock lock : locks.values()) {
      lock.holders.stream().filter(h -> ofWorkflow(h, workflowKey)).forEach(holders::add);
      lock.pending.keySet().stream().filter(h -> ofWorkflow(h, workflowKey)).forEach(holders::add);
    }
    holders.forEach(this::release);
  }

  /**
   * Records a holder found in a persisted {@code status.synchronization} (controller restart): it keeps its lock
   * even above the limit, so nothing is granted twice; new holders wait until enough have released.
   */
  public synchronized void reacquire(String lockKey, String holder, boolean mutex) {
    locks.computeIfAbsent(lockKey, k -> new SyncLock(k, mutex ? 1 : -1)).holders.add(holder);
  }

  /** Wakes the waiters of every lock whose key starts with {@code prefix} (a semaphore's ConfigMap changed). */
  public synchronized void wakeWaiters(String prefix) {
    locks.values().stream().filter(l -> l.key.startsWith(prefix))
        .forEach(l -> l.queue().forEach(w -> wake.accept(workflowOf(w.holder()))));
  }

  /** Current holders of a lock, in the order they got it. */
  public synchronized List<String> holders(String lockKey) {
    SyncLock lock = locks.get(lockKey);
    return lock == null ? List.of() : List.copyOf(lock.holders);
  }

  /** Holder keys of a workflow and its nodes, holding any lock. */
  public synchronized Set<String> heldBy(String workflowKey) {
    Set<String> held = new LinkedHashSet<>();
    locks.values().forEach(l -> l.holders.stream().filter(h -> ofWorkflow(h, workflowKey)).forEach(held::add));
    return held;
  }

  /** Per lock touching the workflow: its holders from the workflow and whether the workflow waits on it. */
  synchronized List<SyncStatus.Entry> entries(String workflowKey) {
    List<SyncStatus.Entry> entries = new ArrayList<>();
    for (SyncLock lock : locks.values()) {
      List<String> mine = lock.holders.stream().filter(h -> ofWorkflow(h, workflowKey)).toList();
      boolean waiting = lock.pending.keySet().stream().anyMatch(h -> ofWorkflow(h, workflowKey));
      if (!mine.isEmpty() || waiting) {
        entries.add(new SyncStatus.Entry(lock.key, mine, waiting, List.copyOf(lock.holders)));
      }
    }
    return entries;
  }

  /** After a grant or release: the waiters that fit into the free slots get another try. */
  private void wakeNext(SyncLock lock, String except) {
    List<SyncLock.Waiter> q = lock.queue();
    for (int i = 0; i < q.size() && i < lock.free(); i++) {
      notify(q.get(i).holder(), except);
    }
  }

  /** A waiter that may not go yet wakes those ahead of it that may (never those behind: no ping-pong). */
  private void wakeAhead(SyncLock lock, String holder) {
    List<SyncLock.Waiter> q = lock.queue();
    for (int i = 0; i < q.size() && i < lock.free() && !q.get(i).holder().equals(holder); i++) {
      notify(q.get(i).holder(), holder);
    }
  }

  private void notify(String waiter, String except) {
    String workflow = workflowOf(waiter);
    if (!workflow.equals(workflowOf(except))) {
      wake.accept(workflow);
    }
  }

  static String workflowOf(String holder) {
    int first = holder.indexOf('/');
    int second = first < 0 ? -1 : holder.indexOf('/', first + 1);
    return second < 0 ? holder : holder.substring(0, second);
  }

  private static boolean ofWorkflow(String holder, String workflowKey) {
    return holder.equals(workflowKey) || holder.startsWith(workflowKey + "/");
  }
}
