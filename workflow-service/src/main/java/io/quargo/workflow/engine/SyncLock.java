package io.quargo.workflow.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mutex or semaphore: who holds it and who waits, in Argo's priority order (workflow {@code spec.priority}
 * higher first, then earlier creation, then who asked first).
 */
final class SyncLock {
  /** A holder in the queue. */
  record Waiter(String holder, int priority, java.time.Instant created, long arrival) {}

  static final Comparator<Waiter> ORDER = Comparator.comparingInt((Waiter w) -> -w.priority())
      .thenComparing(Waiter::created).thenComparingLong(Waiter::arrival);

  final String key;
  /** The limit last read (1 for a mutex); -1 until a semaphore's ConfigMap has been read. */
  int limit;
  final Set<String> holders = new LinkedHashSet<>();
  final Map<String, Waiter> pending = new HashMap<>();

  SyncLock(String key, int limit) {
    this.key = key;
    this.limit = limit;
  }

  int free() {
    return Math.max(0, limit - holders.size());
  }

  List<Waiter> queue() {
    List<Waiter> q = new ArrayList<>(pending.values());
    q.sort(ORDER);
    return q;
  }

  /** Holding already, or a free slot is left for this waiter once those queued before it take theirs. */
  boolean grantable(String holder) {
    if (holders.contains(holder)) {
      return true;
    }
    int free = free();
    if (free == 0) {
      return false;
    }
    List<Waiter> q = queue();
    for (int i = 0; i < q.size() && i < free; i++) {
      if (q.get(i).holder().equals(holder)) {
        return true;
      }
    }
    return !pending.containsKey(holder) && q.size() < free;
  }

  /** Argo's waiting message: available slots over the limit. */
  String waitingMessage() {
    return "Waiting for " + key + " lock. Lock status: " + free() + "/" + limit;
  }
}
