package io.quargo.workflow.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * Where memoized outputs live (Argo's cache ConfigMaps), addressed by namespace, cache name
 * ({@code memoize.cache.configMap.name}) and key. The engine passes the time, so it stays pure.
 * Failures are runtime exceptions; the engine turns them into an Error node with the message.
 */
public interface MemoCache {
  /** The entry under the key, or empty. A found entry's {@code lastHitTimestamp} becomes {@code now}, as in Argo. */
  Optional<MemoEntry> get(String namespace, String cacheName, String key, Instant now);

  /** Stores (or replaces) the entry under the key. */
  void put(String namespace, String cacheName, String key, MemoEntry entry);
}
