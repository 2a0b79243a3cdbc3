package io.quargo.workflow.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Mutexes and semaphores of {@code synchronization}, shared by every workflow of one engine. This in-memory
 * table serves one process (quargo run, the standalone engine); holders are workflow keys.
 */
public final class SyncLocks {
  private final Map<String, Set<String>> holders = new HashMap<>();

  /** True when {@code holder} holds (or now takes) one of {@code limit} slots of {@code key}. */
  public synchronized boolean tryAcquire(String key, String holder, int limit) {
    Set<String> set = holders.computeIfAbsent(key, k -> new LinkedHashSet<>());
    if (set.contains(holder)) {
      return true;
    }
    if (set.size() >= limit) {
      return false;
    }
    set.add(holder);
    return true;
  }

  public synchronized int held(String key) {
    return holders.getOrDefault(key, Set.of()).size();
  }

  public synchronized void releaseAll(String holder) {
    holders.values().forEach(s -> s.remove(holder));
  }
}
