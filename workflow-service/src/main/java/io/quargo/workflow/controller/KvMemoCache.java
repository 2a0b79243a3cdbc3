package io.quargo.workflow.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quargo.core.Json;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.kv.CasConflictException;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvEntry;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.Topology;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.MemoCache;
import io.quargo.workflow.engine.MemoEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The controller's {@link MemoCache} (DESIGN §2): the KV bucket {@value #BUCKET}, key
 * {@code <namespace>.<cache name>.<key>}, value the entry as Argo keeps it in a cache ConfigMap. It outlives the
 * controller, and replicas share it.
 */
public final class KvMemoCache implements MemoCache {
  public static final String BUCKET = "workflow-memoization";

  private final KvBucket bucket;

  public KvMemoCache(KvBucket bucket) {
    this.bucket = bucket;
  }

  /** Creates the bucket if missing (latest value per key, kept until replaced) and opens it. */
  public static KvMemoCache ensure(BusConnection bus) {
    new Topology(bus).ensureKv(KvSpec.of(BUCKET).withDescription("workflow memoize caches: <namespace>.<cache>.<key>"));
    return new KvMemoCache(KvBucket.open(bus, BUCKET));
  }

  @Override
  public Optional<MemoEntry> get(String namespace, String cacheName, String key, Instant now) {
    String k = kvKey(namespace, cacheName, key);
    Optional<KvEntry> stored = bucket.get(k);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    MemoEntry hit = parse(stored.get()).withLastHit(now);
    try {
      bucket.update(k, bytes(hit), stored.get().revision());
    } catch (CasConflictException e) {
      // written meanwhile by another run: its timestamps are as good as ours
    }
    return Optional.of(hit);
  }

  @Override
  public void put(String namespace, String cacheName, String key, MemoEntry entry) {
    bucket.put(kvKey(namespace, cacheName, key), bytes(entry));
  }

  /**
   * KV keys are dot-separated tokens of letters, digits, {@code -_/=}: each part keeps letters, digits, '-' and
   * '_' and writes any other byte as {@code =XX} (hex), so distinct names never share a key.
   */
  static String kvKey(String namespace, String cacheName, String key) {
    return escape(namespace) + "." + escape(cacheName) + "." + escape(key);
  }

  private static String escape(String part) {
    StringBuilder b = new StringBuilder();
    for (byte c : part.getBytes(StandardCharsets.UTF_8)) {
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
        b.append((char) c);
      } else {
        b.append('=').append(String.format("%02x", c & 0xff));
      }
    }
    return b.isEmpty() ? "=" : b.toString();
  }

  private static MemoEntry parse(KvEntry stored) {
    try {
      return MemoEntry.fromJson(Json.MAPPER.readTree(stored.value()));
    } catch (java.io.IOException e) {
      throw new EngineException("malformed memoization cache entry " + stored.key() + ": " + e.getMessage());
    }
  }

  private static byte[] bytes(MemoEntry entry) {
    try {
      return Json.MAPPER.writeValueAsBytes(entry.toJson());
    } catch (JsonProcessingException e) {
      throw new EngineException("memoization cache entry cannot be written: " + e.getMessage());
    }
  }
}
