package io.quargo.workflow.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MemoCache} that lives as long as the process: {@code quargo run} and unit tests. */
public final class InMemoryMemoCache implements MemoCache {
  private final Map<String, MemoEntry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<MemoEntry> get(String namespace, String cacheName, String key, Instant now) {
    return Optional.ofNullable(entries.computeIfPresent(id(namespace, cacheName, key), (k, e) -> e.withLastHit(now)));
  }

  @Override
  public void put(String namespace, String cacheName, String key, MemoEntry entry) {
    entries.put(id(namespace, cacheName, key), entry);
  }

  private static String id(String namespace, String cacheName, String key) {
    return namespace + "\u0000" + cacheName + "\u0000" + key;
  }
}
